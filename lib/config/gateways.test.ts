import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load';

const validAws = {
  PORTICO_MODE: 'aws',
  AWS_REGION: 'us-east-1',
  COGNITO_USER_POOL_ID: 'us-east-1_AbCdEf123',
  COGNITO_CLIENT_ID: '4example2clientid',
  PORTICO_TABLE_NAME: 'portico-prod',
  NEXTAUTH_SECRET: 'x'.repeat(32),
  NEXTAUTH_URL: 'https://developers.example.com',
};
const role = 'arn:aws:iam::123456789012:role/portico-reader';

function problem(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.variable).join(',');
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('PORTICO_GATEWAYS', () => {
  it('is the home Region alone when unset, as before', () => {
    expect(loadConfig(validAws).gateways).toEqual([{ id: 'us-east-1', region: 'us-east-1' }]);
  });

  it('names a gateway by its Region, or by account and Region when reached through a role', () => {
    const gateways = loadConfig({
      ...validAws,
      PORTICO_GATEWAYS: JSON.stringify([
        { region: 'us-east-1' },
        { region: 'eu-west-1' },
        { region: 'eu-west-1', roleArn: role },
      ]),
    }).gateways;
    expect(gateways.map((gateway) => gateway.id)).toEqual([
      'us-east-1',
      'eu-west-1',
      '123456789012/eu-west-1',
    ]);
    expect(gateways[2]?.roleArn).toBe(role);
  });

  it('refuses a list whose first gateway is not the home Region in the own account', () => {
    const first = (entry: object) =>
      problem({ ...validAws, PORTICO_GATEWAYS: JSON.stringify([entry, { region: 'us-east-1' }]) });
    expect(first({ region: 'eu-west-1' })).toBe('PORTICO_GATEWAYS');
    expect(first({ region: 'us-east-1', roleArn: role })).toBe('PORTICO_GATEWAYS');
  });

  it('refuses malformed JSON, unknown fields, bad roles, duplicates and aws-mode endpoints', () => {
    const bad = (raw: string) => problem({ ...validAws, PORTICO_GATEWAYS: raw });
    expect(bad('[{region:"us-east-1"}]')).toBe('PORTICO_GATEWAYS');
    expect(bad('[]')).toBe('PORTICO_GATEWAYS');
    expect(bad(JSON.stringify([{ region: 'us-east-1', account: '1' }]))).toBe('PORTICO_GATEWAYS');
    expect(
      bad(JSON.stringify([{ region: 'us-east-1' }, { region: 'eu-west-1', roleArn: 'admin' }])),
    ).toBe('PORTICO_GATEWAYS');
    expect(bad(JSON.stringify([{ region: 'us-east-1' }, { region: 'us-east-1' }]))).toBe(
      'PORTICO_GATEWAYS',
    );
    expect(
      bad(
        JSON.stringify([
          { region: 'us-east-1' },
          { region: 'eu-west-1', endpoint: 'http://127.0.0.1:1' },
        ]),
      ),
    ).toBe('PORTICO_GATEWAYS');
  });

  it('in local mode gives the home gateway the local emulator and keeps the others endpoints', () => {
    const gateways = loadConfig({
      PORTICO_MODE: 'local',
      COGNITO_USER_POOL_ID: 'local_AbC',
      COGNITO_CLIENT_ID: 'client1',
      PORTICO_LOCAL_DIR: '/nonexistent-portico-test',
      NEXTAUTH_SECRET: 'x'.repeat(32),
      PORTICO_APIGATEWAY_PORT: '4010',
      PORTICO_GATEWAYS: JSON.stringify([
        { region: 'us-east-1' },
        { region: 'eu-west-1', endpoint: 'http://127.0.0.1:4011' },
      ]),
    }).gateways;
    expect(gateways).toEqual([
      { id: 'us-east-1', region: 'us-east-1', endpoint: 'http://127.0.0.1:4010' },
      { id: 'eu-west-1', region: 'eu-west-1', endpoint: 'http://127.0.0.1:4011' },
    ]);
  });
});
