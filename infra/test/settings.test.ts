import { describe, expect, it } from 'vitest';
import { readSettings, SettingsError } from '../lib/settings';

const from = (context: Record<string, unknown>) => readSettings((key) => context[key]);

describe('deploy settings', () => {
  it('defaults to a new pool on the CloudFront domain, every plan, hourly housekeeping', () => {
    expect(from({})).toEqual({
      stackName: 'Portico',
      userPoolId: undefined,
      userPoolClientId: undefined,
      userPoolClientSecretArn: undefined,
      adminGroup: 'portal-admins',
      domainName: undefined,
      certificateArn: undefined,
      usagePlanIds: [],
      restApiIds: [],
      housekeepingSchedule: 'rate(1 hour)',
    });
  });

  it('reads lists from -c (comma-separated) and from cdk.json (arrays)', () => {
    expect(from({ usagePlanIds: ' a1, b2 ,', restApiIds: ['r1'] })).toMatchObject({
      usagePlanIds: ['a1', 'b2'],
      restApiIds: ['r1'],
    });
  });

  it('names every problem at once', () => {
    const read = () =>
      from({
        userPoolClientId: 'abc',
        domainName: 'developers.example.com',
        certificateArn: 'arn:aws:acm:eu-west-1:111111111111:certificate/x',
        usagePlanIds: 'Not-An-Id',
        housekeepingSchedule: 'hourly',
      });
    expect(read).toThrow(SettingsError);
    expect(read).toThrow(
      /userPoolClientId needs userPoolId[\s\S]*us-east-1[\s\S]*Not-An-Id[\s\S]*rate\(1 hour\)/,
    );
  });
});
