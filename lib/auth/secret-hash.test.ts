import { describe, expect, it } from 'vitest';
import { secretHash, secretHashField } from './secret-hash';

describe('secretHash', () => {
  it('matches an HMAC computed independently (openssl dgst -sha256 -hmac … | base64)', () => {
    expect(secretHash('dev@example.com', '7abc123client', 's3cr3t-client-secret')).toBe(
      'zc6zBDocIrpGY/YPQo2WrCiTtTtlXfC4wMBrlGGV6ZE=',
    );
  });

  it('depends on the username, so it changes with it', () => {
    expect(secretHash('a@example.com', 'client', 'secret')).not.toBe(
      secretHash('b@example.com', 'client', 'secret'),
    );
  });
});

describe('secretHashField', () => {
  it('adds SecretHash only when the client has a secret', () => {
    expect(secretHashField('dev@example.com', { clientId: '7abc123client' })).toEqual({});
    expect(
      secretHashField('dev@example.com', {
        clientId: '7abc123client',
        clientSecret: 's3cr3t-client-secret',
      }),
    ).toEqual({ SecretHash: 'zc6zBDocIrpGY/YPQo2WrCiTtTtlXfC4wMBrlGGV6ZE=' });
  });
});
