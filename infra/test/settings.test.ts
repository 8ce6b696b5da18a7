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
      privateApis: false,
      vpcId: undefined,
      signInRateLimit: undefined,
      alarmEmail: undefined,
      retainData: true,
      tags: {},
    });
  });

  it('reads flags, numbers and tags from -c text and from cdk.json values alike', () => {
    const expected = {
      privateApis: true,
      vpcId: 'vpc-0abc1234',
      signInRateLimit: 100,
      retainData: false,
      tags: { team: 'platform', env: 'prod' },
    };
    expect(
      from({
        privateApis: 'true',
        vpcId: 'vpc-0abc1234',
        signInRateLimit: '100',
        retainData: 'false',
        tags: 'team=platform, env=prod',
      }),
    ).toMatchObject(expected);
    expect(
      from({
        privateApis: true,
        vpcId: 'vpc-0abc1234',
        signInRateLimit: 100,
        retainData: false,
        tags: { team: 'platform', env: 'prod' },
      }),
    ).toMatchObject(expected);
  });

  it('refuses hardening settings it cannot apply', () => {
    const read = () =>
      from({
        privateApis: 'yes',
        vpcId: 'my-vpc',
        signInRateLimit: '5',
        alarmEmail: 'ops',
        retainData: 'sometimes',
        tags: 'team',
      });
    expect(read).toThrow(
      /privateApis is true or false[\s\S]*retainData is true or false[\s\S]*vpcId needs privateApis=true[\s\S]*vpc-0abc1234[\s\S]*at least 10[\s\S]*alarmEmail[\s\S]*key=value/,
    );
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
