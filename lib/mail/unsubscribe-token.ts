import { createHmac, timingSafeEqual } from 'node:crypto';

/** Unsubscribe links work without signing in for 60 days, then ask the person to sign in. */
export const unsubscribeLifetimeMs = 60 * 24 * 60 * 60 * 1000;

const sign = (secret: string, payload: string) =>
  createHmac('sha256', `portico-unsubscribe:${secret}`).update(payload).digest('base64url');

/** `{sub}.{expires}.{signature}`: the sub is a Cognito UUID, so it holds no dots. */
export function unsubscribeToken(secret: string, sub: string, now: number): string {
  const payload = `${sub}.${now + unsubscribeLifetimeMs}`;
  return `${payload}.${sign(secret, payload)}`;
}

export type TokenCheck = { ok: true; sub: string } | { ok: false; reason: 'invalid' | 'expired' };

export function checkUnsubscribeToken(secret: string, token: string, now: number): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'invalid' };
  const [sub = '', expires = '', signature = ''] = parts;
  const expected = Buffer.from(sign(secret, `${sub}.${expires}`));
  const given = Buffer.from(signature);
  if (!sub || given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'invalid' };
  if (!(Number(expires) > now)) return { ok: false, reason: 'expired' };
  return { ok: true, sub };
}
