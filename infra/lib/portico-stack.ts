import { Aws, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { PortalData } from './data';
import { Housekeeping } from './housekeeping';
import { Identity } from './identity';
import type { OpenNextOutput } from './open-next-output';
import { statementsFor } from './policy-statements';
import { housekeepingCommands, portalCommands } from './portal-permissions';
import type { PorticoSettings } from './settings';
import { PortalSite } from './site';

export interface PorticoStackProps extends StackProps {
  settings: PorticoSettings;
  output: OpenNextOutput;
}

export class PorticoStack extends Stack {
  constructor(scope: Construct, id: string, props: PorticoStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const identity = new Identity(this, 'Identity', settings);
    const data = new PortalData(this, 'Data');

    // Named, not referenced: the URL needs the distribution, which needs the server.
    const urlParameterName = `/${this.stackName}/public-url`;
    const site = new PortalSite(this, 'Site', {
      output: props.output,
      domainName: settings.domainName,
      certificateArn: settings.certificateArn,
      environment: {
        PORTICO_MODE: 'aws',
        COGNITO_USER_POOL_ID: identity.userPool.userPoolId,
        COGNITO_CLIENT_ID: identity.client.userPoolClientId,
        PORTICO_ADMIN_GROUP: settings.adminGroup,
        PORTICO_TABLE_NAME: data.table.tableName,
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

    const housekeeping = new Housekeeping(this, 'Housekeeping', {
      schedule: settings.housekeepingSchedule,
      tableName: data.table.tableName,
      statements: statementsFor(housekeepingCommands, managed),
    });

    new CfnOutput(this, 'PortalUrl', { value: publicUrl });
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
}
