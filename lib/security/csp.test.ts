import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { themeScript } from '../../components/theme/theme';
import { contentSecurityPolicy, newNonce } from './csp';
import { cachedPagePolicy } from './policy.mjs';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  const nonce = newNonce();
  const policy = directives(contentSecurityPolicy(nonce));

  it('lets scripts run only with the nonce or the theme script’s hash', () => {
    const scripts = policy.get('script-src') ?? [];
    expect(scripts).toContain(`'nonce-${nonce}'`);
    expect(scripts).toContain(
      `'sha256-${createHash('sha256').update(themeScript).digest('base64')}'`,
    );
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
  });

  it('talks to this origin only and cannot be framed, embedded or rebased', () => {
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });

  it('allows eval in development only, and upgrades requests over https', () => {
    expect(contentSecurityPolicy(nonce, { development: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy(nonce, { https: true })).toContain('upgrade-insecure-requests');
  });

  it('makes a new unguessable nonce every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from(newNonce(), 'base64')).toHaveLength(16);
  });
});

describe('cachedPagePolicy', () => {
  const html =
    '<html><head><script>var a=1</script><script src="/_next/static/chunks/x.js" async=""></script></head>' +
    '<body><script>self.__next_f.push([1,"x"])</script></body></html>';
  const scripts = directives(cachedPagePolicy(html)).get('script-src') ?? [];

  it('allows exactly the inline scripts of that HTML, by hash, and this origin’s files', () => {
    expect(scripts).toEqual([
      "'self'",
      `'sha256-${createHash('sha256').update('var a=1').digest('base64')}'`,
      `'sha256-${createHash('sha256').update('self.__next_f.push([1,"x"])').digest('base64')}'`,
    ]);
  });

  it('keeps the rest of the policy of pages rendered per request', () => {
    const policy = directives(cachedPagePolicy(html, { https: true }));
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.has('upgrade-insecure-requests')).toBe(true);
  });
});
