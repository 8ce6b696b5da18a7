import { describe, expect, it } from 'vitest';
import { actionsOf, policyStatements, resourcesOf, synth } from './synth';

const template = synth();
const statements = policyStatements(template);
const portalPolicies = (policy: string) =>
  /^(SiteServer|HousekeepingFunction|SyncFunction|OutboxFunction|QuotaSweepFunction)/.test(policy);

describe('IAM', () => {
  it('grants no wildcard actions anywhere in the template', () => {
    const wildcards = statements.flatMap(({ statement }) =>
      actionsOf(statement).filter((action) => action === '*' || action.endsWith(':*')),
    );
    expect(wildcards).toEqual([]);
  });

  it('lists every action of the portal functions explicitly, no patterns at all', () => {
    const own = statements.filter(({ policy }) => portalPolicies(policy));
    expect(own.length).toBeGreaterThan(5);
    for (const { statement } of own) {
      expect(statement.Effect).toBe('Allow');
      for (const action of actionsOf(statement)) expect(action).not.toMatch(/[*?]/);
    }
  });

  it('scopes API Gateway to /restapis, /usageplans, /apikeys and /tags of the region', () => {
    const gateway = statements.filter(({ statement }) =>
      actionsOf(statement).some((action) => action.startsWith('apigateway:')),
    );
    expect(gateway.length).toBeGreaterThan(0);
    for (const { statement } of gateway) {
      for (const resource of resourcesOf(statement)) {
        expect(resource).toMatch(
          /^arn:\$\{AWS::Partition\}:apigateway:\$\{AWS::Region\}::\/(restapis|usageplans|apikeys|tags)(\/|$)/,
        );
      }
    }
  });

  it('allows Cognito only on the portal pool and DynamoDB only on its table and gsi1', () => {
    const withPrefix = (prefix: string) =>
      statements.filter(({ statement }) =>
        actionsOf(statement).some((action) => action.startsWith(prefix)),
      );
    const cognito = withPrefix('cognito-idp:');
    const dynamo = withPrefix('dynamodb:');
    expect(cognito.length).toBeGreaterThan(0);
    expect(dynamo.length).toBeGreaterThan(0);
    for (const { statement } of cognito) {
      expect(resourcesOf(statement)).toEqual([
        expect.stringMatching(/^\$\{IdentityUserPool\w+\.Arn\}$/),
      ]);
    }
    for (const { statement } of dynamo) {
      for (const resource of resourcesOf(statement)) {
        expect(resource).toMatch(/^\$\{DataTable\w+\.Arn\}(\/index\/gsi1)?$/);
      }
    }
  });

  it('narrows plan and API paths to the ids the operator names', () => {
    const narrowed = policyStatements(synth({ usagePlanIds: 'abc123,def456', restApiIds: ['r1'] }));
    const resources = narrowed.flatMap(({ statement }) => resourcesOf(statement));
    const planPaths = resources.filter((r) => r.includes('::/usageplans/'));
    expect(planPaths.length).toBeGreaterThan(0);
    for (const path of planPaths) expect(path).toMatch(/::\/usageplans\/(abc123|def456)(\/|$)/);
    const apiPaths = resources.filter((r) => r.includes('::/restapis/'));
    expect(apiPaths.length).toBeGreaterThan(0);
    for (const path of apiPaths)
      expect(path).toMatch(/::\/restapis\/r1\/stages(\/\*\/exports\/\*)?$/);
  });

  it('uses an existing pool without creating one, and grants on that pool', () => {
    const imported = synth({ userPoolId: 'eu-west-1_AbCdEf123' });
    imported.resourceCountIs('AWS::Cognito::UserPool', 0);
    imported.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    const cognito = policyStatements(imported).filter(({ statement }) =>
      actionsOf(statement).some((action) => action.startsWith('cognito-idp:')),
    );
    // The server's, the outbox's and housekeeping's (whom to mail), the sync's (the directory).
    expect(cognito.map(({ policy }) => policy.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual([
      'HousekeepingFunctionServiceRoleDefaultPolicy',
      'OutboxFunctionServiceRoleDefaultPolicy',
      'SiteServerServiceRoleDefaultPolicy',
      'SyncFunctionServiceRoleDefaultPolicy',
    ]);
    for (const { statement } of cognito) {
      expect(resourcesOf(statement)).toEqual([
        expect.stringContaining(':userpool/eu-west-1_AbCdEf123'),
      ]);
    }
  });
});
