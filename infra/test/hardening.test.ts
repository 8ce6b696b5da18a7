import { Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { synth } from './synth';

const template = synth({ alarmEmail: 'ops@example.com', tags: 'team=platform' });
const functions = template.findResources('AWS::Lambda::Function');
const functionIds = Object.keys(functions);

/** The tags of a resource, whatever shape its type uses for them. */
function tagsOf(resource: { Properties?: Record<string, unknown> }): Record<string, unknown> {
  const properties = resource.Properties ?? {};
  const replicas = properties.Replicas as { Tags?: unknown }[] | undefined;
  const raw = properties.Tags ?? properties.UserPoolTags ?? replicas?.[0]?.Tags;
  if (Array.isArray(raw)) {
    return Object.fromEntries(
      raw.map((tag: { Key: string; Value: unknown }) => [tag.Key, tag.Value]),
    );
  }
  return (raw as Record<string, unknown> | undefined) ?? {};
}

describe('hardening', () => {
  it('gives every function, CDK helpers included, a log group with a retention period', () => {
    expect(functionIds.length).toBeGreaterThanOrEqual(7);
    const logGroups = template.findResources('AWS::Logs::LogGroup');
    for (const id of functionIds) {
      const logGroup = functions[id]!.Properties.LoggingConfig?.LogGroup;
      expect(logGroup, id).toEqual({ Ref: expect.any(String) });
      expect(logGroups[logGroup.Ref]?.Properties.RetentionInDays, id).toBe(30);
    }
  });

  it('alarms on 5xx answers of the server and on throttles and errors of every function', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map(
      (alarm) => alarm.Properties,
    );
    const [topic] = Object.keys(template.findResources('AWS::SNS::Topic'));
    for (const alarm of alarms) expect(alarm.AlarmActions).toEqual([{ Ref: topic }]);
    const watched = (metric: string) =>
      alarms
        .filter((alarm) => alarm.MetricName === metric && alarm.Namespace === 'AWS/Lambda')
        .map((alarm) => alarm.Dimensions[0].Value.Ref);
    const [server] = Object.keys(
      template.findResources('AWS::Lambda::Function', {
        Properties: { Handler: 'portico-server.handler' },
      }),
    );
    const own = Object.keys(functions).filter((id) =>
      /^(SiteServer|HousekeepingFunction|SyncFunction|OutboxFunction|QuotaSweepFunction)/.test(id),
    );
    expect(own).toHaveLength(5);
    expect(watched('Url5xxCount')).toEqual([server]);
    expect(watched('Throttles').sort()).toEqual(own.sort());
    expect(watched('Errors').sort()).toEqual(own.sort());
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
    });
  });

  it('tags everything it can with the stack name and the operator tags', () => {
    const taggable = [
      'AWS::Lambda::Function',
      'AWS::IAM::Role',
      'AWS::Logs::LogGroup',
      'AWS::S3::Bucket',
      'AWS::CloudFront::Distribution',
      'AWS::DynamoDB::GlobalTable',
      'AWS::Cognito::UserPool',
      'AWS::SecretsManager::Secret',
      'AWS::SSM::Parameter',
      'AWS::CloudWatch::Alarm',
      'AWS::SNS::Topic',
    ];
    for (const type of taggable) {
      const resources = Object.entries(template.findResources(type));
      expect(resources.length, type).toBeGreaterThan(0);
      for (const [id, resource] of resources) {
        expect(tagsOf(resource), `${type} ${id}`).toMatchObject({
          'portico:stack': 'Portico',
          team: 'platform',
        });
      }
    }
  });

  it('keeps the table and the user pool when the stack is deleted, unless told otherwise', () => {
    const kept = (t: Template) => ({
      table: Object.values(t.findResources('AWS::DynamoDB::GlobalTable'))[0],
      pool: Object.values(t.findResources('AWS::Cognito::UserPool'))[0],
    });
    const byDefault = kept(template);
    expect(byDefault.table).toMatchObject({
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    expect(byDefault.table!.Properties.Replicas[0].DeletionProtectionEnabled).toBe(true);
    expect(byDefault.pool).toMatchObject({
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: expect.objectContaining({ DeletionProtection: 'ACTIVE' }),
    });

    const disposable = kept(synth({ retainData: 'false' }));
    expect(disposable.table).toMatchObject({ DeletionPolicy: 'Delete' });
    expect(disposable.table!.Properties.Replicas[0].DeletionProtectionEnabled).toBe(false);
    expect(disposable.pool).toMatchObject({
      DeletionPolicy: 'Delete',
      Properties: expect.objectContaining({ DeletionProtection: 'INACTIVE' }),
    });
  });
});

describe('signInRateLimit: a WAF in front of sign-in and sign-up', () => {
  it('adds no web ACL by default', () => {
    template.resourceCountIs('AWS::WAFv2::WebACL', 0);
    const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution'));
    expect(distribution!.Properties.DistributionConfig.WebACLId).toBeUndefined();
  });

  it('blocks an address over the limit on the sign-in and sign-up paths only', () => {
    const guarded = synth({ signInRateLimit: '100' }, { region: 'us-east-1' });
    const acls = guarded.findResources('AWS::WAFv2::WebACL');
    expect(Object.keys(acls)).toHaveLength(1);
    const [aclId] = Object.keys(acls);
    const acl = acls[aclId!]!.Properties;
    expect(acl).toMatchObject({ Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
    expect(acl.Rules).toHaveLength(1);
    const rule = acl.Rules[0];
    expect(rule.Action).toEqual({ Block: {} });
    expect(rule.Statement.RateBasedStatement).toMatchObject({
      Limit: 100,
      EvaluationWindowSec: 300,
      AggregateKeyType: 'IP',
    });
    const paths = rule.Statement.RateBasedStatement.ScopeDownStatement.OrStatement.Statements.map(
      (s: { ByteMatchStatement: { SearchString: string; PositionalConstraint: string } }) => [
        s.ByteMatchStatement.PositionalConstraint,
        s.ByteMatchStatement.SearchString,
      ],
    );
    expect(paths).toEqual([
      ['STARTS_WITH', '/sign-in'],
      ['STARTS_WITH', '/sign-up'],
      ['STARTS_WITH', '/api/auth/callback/'],
    ]);
    guarded.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ WebACLId: { 'Fn::GetAtt': [aclId, 'Arn'] } }),
    });
  });

  it('refuses a web ACL outside us-east-1, where CloudFront cannot read it', () => {
    expect(() => synth({ signInRateLimit: '100' })).toThrow(/us-east-1/);
  });
});
