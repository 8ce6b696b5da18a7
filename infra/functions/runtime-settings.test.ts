import { describe, expect, it } from 'vitest';
import { resolveRuntimeSettings } from './runtime-settings';

const sources = {
  secret: async (arn: string) => `secret-of:${arn}`,
  parameter: async (name: string) => `value-of:${name}`,
};

describe('resolveRuntimeSettings', () => {
  it('reads each variable from where the stack says it is', async () => {
    const env = {
      NEXTAUTH_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:auth',
      NEXTAUTH_URL_PARAMETER: '/Portico/public-url',
      PORTICO_MODE: 'aws',
    };
    expect(await resolveRuntimeSettings(env, sources)).toEqual({
      NEXTAUTH_SECRET: 'secret-of:arn:aws:secretsmanager:eu-west-1:111111111111:secret:auth',
      NEXTAUTH_URL: 'value-of:/Portico/public-url',
    });
  });

  it('adds nothing when nothing points elsewhere (local mode, plain deployments)', async () => {
    expect(await resolveRuntimeSettings({ NEXTAUTH_SECRET: 'x'.repeat(32) }, sources)).toEqual({});
  });

  it('fails the cold start when a value cannot be read', async () => {
    const failing = { ...sources, secret: () => Promise.reject(new Error('AccessDenied')) };
    await expect(
      resolveRuntimeSettings({ COGNITO_CLIENT_SECRET_ARN: 'arn' }, failing),
    ).rejects.toThrow('AccessDenied');
  });
});
