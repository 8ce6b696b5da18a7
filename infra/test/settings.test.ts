import { describe, expect, it } from 'vitest';
import { readSettings, SettingsError } from '../lib/settings';

const from = (context: Record<string, unknown>) => readSettings((key) => context[key]);

describe('deploy settings', () => {
  it('defaults to a new pool on the CloudFront domain, every plan, no mail, default schedules', () => {
    expect(from({})).toEqual({
      stackName: 'Portico',
      userPoolId: undefined,
      userPoolClientId: undefined,
      userPoolClientSecretArn: undefined,
      adminGroup: 'portal-admins',
      domainName: undefined,
      certificateArn: undefined,
      usagePlanIds: [],
      gateways: [],
      restApiIds: [],
      housekeepingSchedule: 'rate(1 hour)',
      syncSchedule: 'rate(15 minutes)',
      quotaSweepSchedule: 'rate(5 minutes)',
      mailIdentity: undefined,
      mailFrom: undefined,
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
      /userPoolClientId needs userPoolId[\s\S]*us-east-1[\s\S]*Not-An-Id[\s\S]*housekeepingSchedule is an EventBridge expression/,
    );
  });

  it('takes the sync and quota sweep schedules as EventBridge expressions', () => {
    expect(
      from({ syncSchedule: 'rate(1 hour)', quotaSweepSchedule: 'cron(0/10 * * * ? *)' }),
    ).toMatchObject({ syncSchedule: 'rate(1 hour)', quotaSweepSchedule: 'cron(0/10 * * * ? *)' });
    expect(() => from({ syncSchedule: 'every 15 minutes', quotaSweepSchedule: '5m' })).toThrow(
      /syncSchedule is an EventBridge expression[\s\S]*quotaSweepSchedule is an EventBridge/,
    );
  });

  it('sends mail from the SES identity: an address is its own sender, a domain needs one', () => {
    expect(from({ mailIdentity: 'Portal@Example.com' })).toMatchObject({
      mailIdentity: 'portal@example.com',
      mailFrom: 'portal@example.com',
    });
    expect(
      from({ mailIdentity: 'example.com', mailFrom: 'Developer portal <portal@example.com>' }),
    ).toMatchObject({
      mailIdentity: 'example.com',
      mailFrom: 'Developer portal <portal@example.com>',
    });
    expect(() => from({ mailIdentity: 'example.com' })).toThrow(
      'mailFrom names the sender, an address in example.com',
    );
    expect(() =>
      from({ mailIdentity: 'example.com', mailFrom: 'Portal <portal@elsewhere.org>' }),
    ).toThrow("mailFrom's address portal@elsewhere.org is not the SES identity example.com");
    expect(() =>
      from({ mailIdentity: 'portal@example.com', mailFrom: 'other@example.com' }),
    ).toThrow("mailFrom's address other@example.com is not the SES identity portal@example.com");
    expect(() => from({ mailFrom: 'portal@example.com' })).toThrow(
      'mailFrom needs mailIdentity (the SES identity)',
    );
    expect(() => from({ mailIdentity: 'not a domain' })).toThrow(/mailIdentity is a verified SES/);
  });
});
