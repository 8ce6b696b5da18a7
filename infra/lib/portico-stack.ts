import { Aspects, Aws, CfnOutput, Stack, Token, type StackProps } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { PortalAlarms } from './alarms';
import { PortalData } from './data';
import { Identity } from './identity';
import { LogRetentionForEveryFunction } from './log-retention';
import type { OpenNextOutput } from './open-next-output';
import { statementsFor } from './policy-statements';
import { housekeepingCommands, portalCommands } from './portal-permissions';
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
    const site = new PortalSite(this, 'Site', {
      output: props.output,
      domainName: settings.domainName,
      certificateArn: settings.certificateArn,
      network,
      webAclArn: firewall?.webAcl.attrArn,
      environment: {
        PORTICO_MODE: 'aws',
        COGNITO_USER_POOL_ID: identity.userPool.userPoolId,
        COGNITO_CLIENT_ID: identity.client.userPoolClientId,
        PORTICO_ADMIN_GROUP: settings.adminGroup,
        PORTICO_TABLE_NAME: data.table.tableName,
        // The URL answers only CloudFront (origin access control), so its viewer-address header
        // is the one client address that cannot be forged; the rate limits count by it.
        PORTICO_TRUSTED_PROXY: 'cloudfront',
        NEXTAUTH_SECRET_ARN: data.authSecret.secretArn,
        NEXTAUTH_URL_PARAMETER: urlParameterName,
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
    };
    for (const statement of statementsFor(Object.keys(portalCommands), managed)) {
      site.server.addToRolePolicy(statement);
    }
    site.server.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['secretsmanager:GetSecretValue'],
        resources: [
          data.authSecret.secretArn,
          ...(settings.userPoolClientSecretArn ? [settings.userPoolClientSecretArn] : []),
        ],
      }),
    );
    site.server.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['ssm:GetParameter'],
        resources: [
          `arn:${Aws.PARTITION}:ssm:${Aws.REGION}:${Aws.ACCOUNT_ID}:parameter${urlParameterName}`,
        ],
      }),
    );

    const housekeeping = new ScheduledFunction(this, 'Housekeeping', {
      entry: 'infra/functions/housekeeping.ts',
      description: 'Portico housekeeping: disable rotated-out API keys after their grace period',
      schedule: settings.housekeepingSchedule,
      environment: { PORTICO_TABLE_NAME: data.table.tableName },
      statements: statementsFor(housekeepingCommands, managed),
    });

    new PortalAlarms(this, 'Alarms', {
      server: site.server,
      functions: { Server: site.server, Housekeeping: housekeeping.function },
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
    new CfnOutput(this, 'HousekeepingFunction', { value: housekeeping.function.functionName });
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
