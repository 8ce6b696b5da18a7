import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load';

const validAws = {
  PORTICO_MODE: 'aws',
  AWS_REGION: 'eu-west-1',
  COGNITO_USER_POOL_ID: 'eu-west-1_AbCdEf123',
  COGNITO_CLIENT_ID: '4example2clientid',
  PORTICO_TABLE_NAME: 'portico-prod',
  NEXTAUTH_SECRET: 'x'.repeat(32),
  NEXTAUTH_URL: 'https://developers.example.com',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig in aws mode', () => {
  it('reads a complete environment without local endpoints', () => {
    const config = loadConfig(validAws);
    expect(config.mode).toBe('aws');
    expect(config.endpoints).toBeUndefined();
    expect(config.adminGroup).toBe('portal-admins');
    expect(config.cognito.issuer).toBe(
      'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123',
    );
    expect(config.cognito.clientSecret).toBeUndefined();
  });

  it('budgets 5 API Gateway calls a second unless told otherwise, and refuses a rate that is not positive', () => {
    expect(loadConfig(validAws).gatewayCallsPerSecond).toBe(5);
    expect(loadConfig({ ...validAws, PORTICO_GATEWAY_RPS: '2.5' }).gatewayCallsPerSecond).toBe(2.5);
    expect(problemsOf({ ...validAws, PORTICO_GATEWAY_RPS: '0' })).toEqual(['PORTICO_GATEWAY_RPS']);
    expect(problemsOf({ ...validAws, PORTICO_GATEWAY_RPS: 'fast' })).toEqual([
      'PORTICO_GATEWAY_RPS',
    ]);
  });

  it('offers the Hosted UI only when asked to, and refuses a value that is not true or false', () => {
    expect(loadConfig(validAws).cognito.hostedUi).toBe(false);
    expect(loadConfig({ ...validAws, COGNITO_HOSTED_UI: 'true' }).cognito.hostedUi).toBe(true);
    expect(problemsOf({ ...validAws, COGNITO_HOSTED_UI: 'yes' })).toEqual(['COGNITO_HOSTED_UI']);
  });

  it('names every missing variable in one error', () => {
    expect(problemsOf({ PORTICO_MODE: 'aws' }).sort()).toEqual(
      [
        'AWS_REGION',
        'COGNITO_CLIENT_ID',
        'COGNITO_USER_POOL_ID',
        'NEXTAUTH_SECRET',
        'NEXTAUTH_URL',
        'PORTICO_TABLE_NAME',
      ].sort(),
    );
  });

  it('rejects malformed values with what they should look like', () => {
    const env = {
      ...validAws,
      COGNITO_USER_POOL_ID: 'not a pool',
      NEXTAUTH_URL: 'developers',
      NEXTAUTH_SECRET: 'short',
    };
    expect(() => loadConfig(env)).toThrow(
      /COGNITO_USER_POOL_ID: expected the Cognito user pool id, like us-east-1_AbCdEf123/,
    );
    expect(problemsOf(env).sort()).toEqual([
      'COGNITO_USER_POOL_ID',
      'NEXTAUTH_SECRET',
      'NEXTAUTH_URL',
    ]);
  });

  it('rejects an unknown mode', () => {
    expect(problemsOf({ PORTICO_MODE: 'staging' })).toEqual(['PORTICO_MODE']);
  });
});

describe('loadConfig in local mode', () => {
  const emptyDir = mkdtempSync(join(tmpdir(), 'portico-config-'));

  it('is the default and points every client at loopback', () => {
    const config = loadConfig({
      PORTICO_LOCAL_DIR: emptyDir,
      COGNITO_USER_POOL_ID: 'local_abc123',
      COGNITO_CLIENT_ID: 'client1',
      PORTICO_APIGATEWAY_PORT: '4999',
    });
    expect(config.mode).toBe('local');
    expect(config.endpoints).toEqual({
      apiGateway: 'http://127.0.0.1:4999',
      cognito: 'http://127.0.0.1:9229',
      dynamodb: 'http://127.0.0.1:8000',
      ses: 'http://127.0.0.1:4020',
    });
    expect(config.inboxUrl).toBe('http://127.0.0.1:1080');
    expect(config.webhooks.allowLoopbackHttp).toBe(true);
    expect(config.cognito.issuer).toBe('http://127.0.0.1:9229/local_abc123');
  });

  it('takes the provisioned ids from the running stack, environment first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-config-'));
    writeFileSync(
      join(dir, 'stack.json'),
      JSON.stringify({
        COGNITO_USER_POOL_ID: 'local_fromfile',
        COGNITO_CLIENT_ID: 'fromfile',
        PORTICO_COGNITO_PORT: '9300',
      }),
    );
    const config = loadConfig({ PORTICO_LOCAL_DIR: dir, COGNITO_CLIENT_ID: 'fromenv' });
    expect(config.cognito.userPoolId).toBe('local_fromfile');
    expect(config.cognito.clientId).toBe('fromenv');
    expect(config.endpoints?.cognito).toBe('http://127.0.0.1:9300');
  });

  it('explains how to start the stack when its ids are unknown', () => {
    expect(() => loadConfig({ PORTICO_LOCAL_DIR: emptyDir })).toThrow(/npm run dev/);
  });
});

describe('the local session secret', () => {
  const stack = { COGNITO_USER_POOL_ID: 'local_abc123', COGNITO_CLIENT_ID: 'client1' };
  const secretOf = (dir: string, env: Record<string, string> = {}) =>
    loadConfig({ PORTICO_LOCAL_DIR: dir, ...stack, ...env }).auth.secret;

  it('is made at random on the first start, kept in the state directory, and reused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-config-'));
    const secret = secretOf(dir);
    expect(Buffer.from(secret, 'base64url').length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dir, 'session-secret'), 'utf8').trim()).toBe(secret);
    expect(statSync(join(dir, 'session-secret')).mode & 0o077).toBe(0);
    expect(secretOf(dir)).toBe(secret);
  });

  it('differs between installs', () => {
    const first = secretOf(mkdtempSync(join(tmpdir(), 'portico-config-')));
    const second = secretOf(mkdtempSync(join(tmpdir(), 'portico-config-')));
    expect(first).not.toBe(second);
  });

  it('gives way to NEXTAUTH_SECRET when one is set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-config-'));
    expect(secretOf(dir, { NEXTAUTH_SECRET: 'y'.repeat(40) })).toBe('y'.repeat(40));
  });

  it('refuses a state file that does not hold a secret', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-config-'));
    writeFileSync(join(dir, 'session-secret'), 'short\n');
    expect(() => secretOf(dir)).toThrow(/does not hold a session secret/);
  });
});

describe('mail and webhook settings', () => {
  it('brands mail with defaults, and leaves the sender unset in aws mode until configured', () => {
    const config = loadConfig(validAws);
    expect(config.mail).toEqual({ from: undefined, portalName: 'Portico', accentColor: '#4f46e5' });
    expect(config.webhooks.allowLoopbackHttp).toBe(false);
    expect(
      loadConfig({ ...validAws, PORTICO_MAIL_FROM: 'Developer portal <portal@example.com>' }).mail
        .from,
    ).toBe('Developer portal <portal@example.com>');
  });

  it('refuses a malformed sender or accent colour by name', () => {
    expect(
      problemsOf({
        ...validAws,
        PORTICO_MAIL_FROM: 'not a mailbox',
        PORTICO_ACCENT_COLOR: 'red',
      }).sort(),
    ).toEqual(['PORTICO_ACCENT_COLOR', 'PORTICO_MAIL_FROM']);
  });
});
