import { expect, test } from './support/fixtures';
import { httpSession, sessionCookie, signOutOverHttp, withCookie } from './support/sessions';

const developer = { email: 'developer@portico.local', password: 'Portico-Dev-1' };

test('a copy of the session cookie replayed after sign-out answers no user', async ({
  baseURL,
}) => {
  const session = await httpSession(baseURL ?? '', developer);
  const copied = await sessionCookie(session);
  const replay = await withCookie(baseURL ?? '', copied);
  expect((await (await replay.get('/api/auth/session')).json()).user?.email).toBe(developer.email);

  await signOutOverHttp(session);
  const after = await withCookie(baseURL ?? '', copied);
  expect(await (await after.get('/api/auth/session')).json()).toEqual({});
  const account = await after.get('/account', { maxRedirects: 0 });
  expect(account.status()).toBe(307);
  expect(account.headers().location).toContain('/sign-in');
});

test('a signed-in visitor is not bounced off-site by a crafted callbackUrl', async ({
  baseURL,
}) => {
  const session = await httpSession(baseURL ?? '', developer);
  for (const callbackUrl of [
    '%2F.%2F%2Fevil.example%2Fx',
    '%2F..%2F%2Fevil.example',
    '%2F%5Cevil.example',
    '%2F%252F%252Fevil.example',
    'https%3A%2F%2Fevil.example',
  ]) {
    const answer = await session.get(`/sign-in?callbackUrl=${callbackUrl}`, { maxRedirects: 0 });
    // A redirect after streaming began arrives as a meta refresh instead of a Location header.
    const refresh = /http-equiv="refresh" content="\d+;url=([^"]*)"/.exec(await answer.text());
    const target = answer.headers().location ?? refresh?.[1]?.replaceAll('&amp;', '&');
    expect(target, callbackUrl).toBeDefined();
    const location = new URL(target ?? '', baseURL);
    expect(location.origin, callbackUrl).toBe(new URL(baseURL ?? '').origin);
    expect(location.pathname, callbackUrl).toBe('/account');
  }
});

test('12 parallel signed-out try-it calls with forged X-Forwarded-For do not all pass', async ({
  request,
}) => {
  const answers = await Promise.all(
    Array.from({ length: 12 }, (_, index) =>
      request.get('/api/try/weather/cities', {
        headers: { 'x-portico-try': '1', 'x-forwarded-for': `198.51.100.${index + 1}` },
      }),
    ),
  );
  const statuses = answers.map((answer) => answer.status());
  expect(statuses.filter((status) => status === 429).length, statuses.join(',')).toBeGreaterThan(0);
  // Fixed one-second windows: a burst that straddles two of them gets at most 5 in each.
  expect(statuses.filter((status) => status !== 429).length).toBeLessThanOrEqual(10);
});

test('every page rendered per request carries a nonce-based Content-Security-Policy, new on each response', async ({
  request,
}) => {
  // Pages served from cache carry a hash-based one instead: e2e/public-cache.spec.ts.
  const policies = [];
  for (const path of ['/sign-in', '/apis?q=weather', '/sign-up', '/apis?tag=Weather']) {
    const answer = await request.get(path);
    const policy = answer.headers()['content-security-policy'] ?? '';
    expect(policy, path).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]+'/);
    expect(policy, path).not.toMatch(/script-src [^;]*'unsafe-inline'/);
    expect(policy, path).toContain("frame-ancestors 'none'");
    expect(policy, path).toContain("object-src 'none'");
    expect(policy, path).toContain("connect-src 'self'");
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1] ?? '';
    // Next puts the nonce on its own scripts; nothing inline runs without it (or the hash).
    const html = await answer.text();
    expect(html, path).toContain(`nonce="${nonce}"`);
    policies.push(policy);
  }
  expect(new Set(policies).size).toBe(policies.length);
});
