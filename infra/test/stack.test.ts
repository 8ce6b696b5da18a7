import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { synth } from './synth';

const template = synth();

describe('the portal stack', () => {
  it('keeps the table: on-demand, point-in-time recovery, deletion protection, gsi1', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          Match.objectLike({
            IndexName: 'gsi1',
            KeySchema: [
              { AttributeName: 'gsi1pk', KeyType: 'HASH' },
              { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
            ],
          }),
        ],
        Replicas: [
          Match.objectLike({
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      }),
    });
  });

  it('generates the NextAuth secret and never puts a secret in an environment variable', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ PasswordLength: 64 }),
    });
    const text = JSON.stringify(template.toJSON());
    expect(text).not.toContain('"SecretString"');
    expect(text).not.toContain('{{resolve:secretsmanager');
    const functions = template.findResources('AWS::Lambda::Function');
    for (const fn of Object.values(functions)) {
      const variables = Object.keys(fn.Properties.Environment?.Variables ?? {});
      expect(variables).not.toContain('NEXTAUTH_SECRET');
      expect(variables).not.toContain('COGNITO_CLIENT_SECRET');
    }
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          PORTICO_MODE: 'aws',
          NEXTAUTH_SECRET_ARN: { Ref: Match.stringLikeRegexp('^DataNextAuthSecret') },
          NEXTAUTH_URL_PARAMETER: '/Portico/public-url',
        }),
      },
    });
  });

  it('runs the housekeeping function on a schedule', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 hour)',
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^HousekeepingFunction'), 'Arn'] },
        }),
      ],
    });
  });

  it('serves over HTTPS only, static files from S3 and the rest from the server', () => {
    const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution'));
    const config = distribution!.Properties.DistributionConfig;
    const behaviours = [config.DefaultCacheBehavior, ...config.CacheBehaviors];
    for (const behaviour of behaviours) {
      expect(['redirect-to-https', 'https-only']).toContain(behaviour.ViewerProtocolPolicy);
    }
    expect(config.CacheBehaviors.map((b: { PathPattern: string }) => b.PathPattern)).toEqual([
      '/_next/static/*',
    ]);
    const custom = config.Origins.filter(
      (origin: { CustomOriginConfig?: unknown }) => origin.CustomOriginConfig,
    );
    expect(custom).toHaveLength(1);
    expect(custom[0].CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
    template.hasResourceProperties('AWS::Lambda::Url', {
      InvokeMode: 'RESPONSE_STREAM',
    });
  });

  it('creates the user pool with the admin group and a password-auth client', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      DeletionProtection: 'ACTIVE',
      UsernameAttributes: ['email'],
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'portal-admins' });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      GenerateSecret: false,
      EnableTokenRevocation: true,
      PreventUserExistenceErrors: 'ENABLED',
    });
  });

  it('serves a custom domain with its certificate', () => {
    const custom = synth({
      domainName: 'developers.example.com',
      certificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/abc',
    });
    custom.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['developers.example.com'],
        ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: 'TLSv1.2_2021' }),
      }),
    });
    custom.hasResourceProperties('AWS::SSM::Parameter', {
      Value: 'https://developers.example.com',
    });
  });
});
