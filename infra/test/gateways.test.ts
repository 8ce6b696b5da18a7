import { describe, expect, it } from 'vitest';
import { SettingsError } from '../lib/settings';
import { actionsOf, policyStatements, resourceText, resourcesOf, synth } from './synth';

const role = 'arn:aws:iam::222222222222:role/portico-gateway';
const serverPolicy = (policy: string) => policy.startsWith('SiteServer');

function serverEnvironment(template: ReturnType<typeof synth>): Record<string, unknown> {
  const server = template.findResources('AWS::Lambda::Function', {
    Properties: { Handler: 'portico-server.handler' },
  });
  return Object.values(server)[0]!.Properties.Environment.Variables;
}

describe('several Regions and accounts (gateways)', () => {
  it('grants no sts:AssumeRole and sets no PORTICO_GATEWAYS by default', () => {
    const template = synth();
    const actions = policyStatements(template).flatMap(({ statement }) => actionsOf(statement));
    expect(actions.filter((action) => action.startsWith('sts:'))).toEqual([]);
    expect(serverEnvironment(template)).not.toHaveProperty('PORTICO_GATEWAYS');
  });

  it("adds only the named Regions' API Gateway paths and AssumeRole on the named roles", () => {
    const template = synth({
      gateways: [{ region: 'us-west-2' }, { region: 'ap-south-1', roleArn: role }],
    });
    const own = policyStatements(template).filter(({ policy }) => serverPolicy(policy));
    const sts = own.filter(({ statement }) => actionsOf(statement).includes('sts:AssumeRole'));
    expect(sts.flatMap(({ statement }) => resourcesOf(statement))).toEqual([role]);
    const gateway = own
      .filter(({ statement }) => actionsOf(statement).some((a) => a.startsWith('apigateway:')))
      .flatMap(({ statement }) => resourcesOf(statement));
    const regions = new Set(
      gateway.map((resource) => /:apigateway:(\$\{AWS::Region\}|[a-z0-9-]+)::/.exec(resource)?.[1]),
    );
    expect([...regions].sort()).toEqual(['${AWS::Region}', 'us-west-2']);
    expect(gateway).toContain('arn:${AWS::Partition}:apigateway:us-west-2::/apikeys');

    // The sync pages the other gateways; housekeeping retires key copies there.
    for (const job of ['Sync', 'Housekeeping']) {
      const assumes = policyStatements(template).filter(
        ({ policy, statement }) =>
          policy.startsWith(job) && actionsOf(statement).includes('sts:AssumeRole'),
      );
      expect(assumes.flatMap(({ statement }) => resourcesOf(statement))).toEqual([role]);
    }

    const variable = resourceText(serverEnvironment(template).PORTICO_GATEWAYS);
    expect(variable).toContain('"region":"us-west-2"');
    expect(variable).toContain(`"roleArn":"${role}"`);
    expect(variable).toContain('${AWS::Region}');
  });

  it('refuses a malformed list, an endpoint and a gateway listed twice', () => {
    for (const gateways of [
      '[{region:"us-west-2"}]',
      [{ region: 'us-west-2', endpoint: 'https://example.com' }],
      [{ region: 'us-west-2' }, { region: 'us-west-2' }],
      [{ region: 'us-west-2', roleArn: 'admin' }],
    ]) {
      expect(() => synth({ gateways })).toThrow(SettingsError);
    }
  });
});
