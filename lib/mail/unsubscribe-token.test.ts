import { describe, expect, it } from 'vitest';
import {
  checkUnsubscribeToken,
  unsubscribeLifetimeMs,
  unsubscribeToken,
} from './unsubscribe-token';

const secret = 'a-test-secret-of-enough-length-0123456789';
const sub = '5b0f6a8e-1111-4222-8333-944445555666';
const now = Date.UTC(2026, 11, 2);

describe('unsubscribe tokens', () => {
  it('round-trips the sub until it expires', () => {
    const token = unsubscribeToken(secret, sub, now);
    expect(checkUnsubscribeToken(secret, token, now + 1000)).toEqual({ ok: true, sub });
    expect(checkUnsubscribeToken(secret, token, now + unsubscribeLifetimeMs)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses another secret, a changed sub or expiry, and garbage', () => {
    const token = unsubscribeToken(secret, sub, now);
    const [, expires, signature] = token.split('.');
    expect(checkUnsubscribeToken(`${secret}x`, token, now).ok).toBe(false);
    expect(checkUnsubscribeToken(secret, `other.${expires}.${signature}`, now).ok).toBe(false);
    expect(
      checkUnsubscribeToken(secret, `${sub}.${Number(expires) + 1}.${signature}`, now).ok,
    ).toBe(false);
    expect(checkUnsubscribeToken(secret, 'nonsense', now)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });
});
