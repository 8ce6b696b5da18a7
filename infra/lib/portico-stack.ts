import { Aspects, Aws, CfnOutput, Duration, Stack, Token, type StackProps } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { PortalAlarms } from './alarms';
import { PortalData } from './data';
import { Identity } from './identity';
import { LogRetentionForEveryFunction } from './log-retention';
import type { OpenNextOutput } from './open-next-output';
import { statementsFor } from './policy-statements';
import { scheduledCommands, serverCommands } from './portal-permissions';
import type { PorticoSettings } from './settings';
import { PrivateApiNetwork } from './private-api-network';
import { ScheduledFunction } from './scheduled-function';
import { SignInFirewall } from './sign-in-firewall';
import { tagEverything } from './stack-tags';
import { PortalSite } from './site';

export interface PorticoStackProps extends StackProps {
  settings: PorticoSettings;
  output: OpenNextOutput;
}

export class PorticoStack extends Stack {
  constructor(scope: Construct, id: string, props: PorticoStackProps) {
    super(scope, id, props);
    const { settings } = props;
    tagEverything(this, { 'portico:stack': this.stackName, ...settings.tags });
    Aspects.of(this).add(new LogRetentionForEveryFunction());

    const identity = new Identity(this, 'Identity', { ...settings, retain: settings.retainData });
    const data = new PortalData(this, 'Data', { retain: settings.retainData });
    const network = settings.privateApis
      ? new PrivateApiNetwork(this, 'Network', { vpcId: settings.vpcId })
      : undefined;
    const firewall =
      settings.signInRateLimit === undefined ? undefined : this.firewall(settings.signInRateLimit);

    // Named, not referenced: the URL needs the distribution, which needs the server.
    const urlParameterName = `/${this.stackName}/public-url`;
    // What the portal's configuration (lib/config) reads, for the server and the outbox. The
    // secret and the URL are passed by reference (infra/functions/runtime-settings.ts).
    // Other gateways (README "Several Regions and accounts"), for whatever calls API Gateway.
    const gatewaysEnvironment: Record<string, string> = settings.gateways.length
      ? { PORTICO_GATEWAYS: this.toJsonString([{ region: Aws.REGION }, ...settings.gateways]) }
      : {};
    const portalEnvironment: Record<string, string> = {
      PORTICO_MODE: 'aws',
      COGNITO_USER_POOL_ID: identity.userPool.userPoolId,
      COGNITO_CLIENT_ID: identity.client.userPoolClientId,
      PORTICO_ADMIN_GROUP: settings.adminGroup,
      PORTICO_TABLE_NAME: data.table.tableName,
      NEXTAUTH_SECRET_ARN: data.authSecret.secretArn,
      NEXTAUTH_URL_PARAMETER: urlParameterName,
      ...(settings.mailFrom ? { PORTICO_MAIL_FROM: settings.mailFrom } : {}),
      ...gatewaysEnvironment,
    };
    const site = new PortalSite(this, 'Site', {
      output: props.output,
      domainName: settings.domainName,
      certificateArn: settings.certificateArn,
      network,
      webAclArn: firewall?.webAcl.attrArn,
      environment: {
        ...portalEnvironment,
        // The URL answers only CloudFront (origin access control), so its viewer-address header
        // is the one client address that cannot be forged; the rate limits count by it.
        PORTICO_TRUSTED_PROXY: 'cloudfront',
        ...(settings.userPoolClientSecretArn
          ? { COGNITO_CLIENT_SECRET_ARN: settings.userPoolClientSecretArn }
          : {}),
      },
    });
    const publicUrl = `https://${settings.domainName ?? site.distribution.distributionDomainName}`;
    new StringParameter(this, 'PublicUrl', {
      parameterName: urlParameterName,
      stringValue: publicUrl,
      description: "Portico's public URL (NEXTAUTH_URL), read by the server at start-up",
    });

    const managed = {
      userPoolArn: identity.userPool.userPoolArn,
      tableArn: data.table.tableArn,
      usagePlanIds: settings.usagePlanIds,
      restApiIds: settings.restApiIds,
      mailIdentity: settings.mailIdentity,
      gateways: settings.gateways,
    };
    const readSettings = (secretArns: string[]) => [
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['secretsmanager:GetSecretValue'],
        resources: secretArns,
      }),
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['ssm:GetParameter'],
        resources: [
          `arn:${Aws.PARTITION}:ssm:${Aws.REGION}:${Aws.ACCOUNT_ID}:parameter${urlParameterName}`,
        ],
      }),
    ];
    for (const statement of [
      ...statementsFor(serverCommands, managed),
      ...readSettings([
        data.authSecret.secretArn,
        ...(settings.userPoolClientSecretArn ? [settings.userPoolClientSecretArn] : []),
      ]),
    ]) {
      site.server.addToRolePolicy(statement);
    }

    const withGateways = { PORTICO_TABLE_NAME: data.table.tableName, ...gatewaysEnvironment };
    const withPool = {
      ...withGateways,
      COGNITO_USER_POOL_ID: identity.userPool.userPoolId,
      PORTICO_ADMIN_GROUP: settings.adminGroup,
    };
    const jobs = {
      Housekeeping: new ScheduledFunction(this, 'Housekeeping', {
        entry: 'infra/functions/housekeeping.ts',
        description:
          'Portico housekeeping: retire rotated-out API keys, finish pending repairs, 90-day key reminders',
        schedule: settings.housekeepingSchedule,
        environment: withPool,
        statements: statementsFor(scheduledCommands.housekeeping, managed),
      }),
      Sync: new ScheduledFunction(this, 'Sync', {
        entry: 'lib/gateway/scheduled-sync.ts',
        description: 'Portico sync: repair the read model from API Gateway and Cognito',
        schedule: settings.syncSchedule,
        environment: withPool,
        statements: statementsFor(scheduledCommands.sync, managed),
      }),
      Outbox: new ScheduledFunction(this, 'Outbox', {
        entry: 'infra/functions/deliver-outbox.ts',
        description: 'Portico outbox: deliver webhooks and mail',
        schedule: 'rate(1 minute)',
        // Runs take up to 50 s, and a webhook started at the end may wait its 10 s timeout.
        timeout: Duration.minutes(2),
        environment: portalEnvironment,
        statements: [
          ...statementsFor(scheduledCommands.outbox, managed),
          ...readSettings([data.authSecret.secretArn]),
        ],
      }),
      QuotaSweep: new ScheduledFunction(this, 'QuotaSweep', {
        entry: 'lib/quota/scheduled-sweep.ts',
        description: 'Portico quota sweep: snapshot usage, alert customers near their quota',
        schedule: settings.quotaSweepSchedule,
        environment: withGateways,
        statements: statementsFor(scheduledCommands.quotaSweep, managed),
      }),
    };

    new PortalAlarms(this, 'Alarms', {
      server: site.server,
      functions: {
        Server: site.server,
        ...Object.fromEntries(Object.entries(jobs).map(([name, job]) => [name, job.function])),
      },
      email: settings.alarmEmail,
    });

    new CfnOutput(this, 'PortalUrl', { value: publicUrl });
    if (network) {
      new CfnOutput(this, 'ExecuteApiVpcEndpointId', {
        value: network.executeApiEndpoint.vpcEndpointId,
        description: "Allow this endpoint (aws:SourceVpce) in each PRIVATE API's resource policy",
      });
    }
    new CfnOutput(this, 'DistributionDomainName', {
      value: site.distribution.distributionDomainName,
      description: 'Point a custom domain here (CNAME or Route 53 alias)',
    });
    new CfnOutput(this, 'UserPoolId', { value: identity.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: identity.client.userPoolClientId });
    new CfnOutput(this, 'AdminGroup', { value: settings.adminGroup });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
    new CfnOutput(this, 'HousekeepingFunction', { value: jobs.Housekeeping.function.functionName });
    new CfnOutput(this, 'SyncFunction', {
      value: jobs.Sync.function.functionName,
      description: 'Invoke once after the first deployment to fill the read model at once',
    });
  }

  /** CloudFront reads web ACLs from us-east-1 only. */
  private firewall(limit: number): SignInFirewall {
    if (!Token.isUnresolved(this.region) && this.region !== 'us-east-1') {
      throw new Error(
        `signInRateLimit adds a WAF web ACL, which CloudFront reads from us-east-1 only; ` +
          `this stack deploys to ${this.region}. Deploy it to us-east-1 or leave the setting out.`,
      );
    }
    return new SignInFirewall(this, 'Firewall', { limit });
  }
}
