import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { GetUsagePlanKeysCommand, GetUsagePlansCommand } from '@aws-sdk/client-api-gateway';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { staticFilesPathPattern } from '../../infra/lib/static-paths';
import { findCustomerKeys } from '../../lib/gateway/customer-keys';
import { stackClients } from '../../lib/testing/stack';
import { provisionUser } from '../stack/provision-cognito';
import { cookieAttributes, findCookie, PortalClient, publicOrigin } from './portal-client';
import type { FunctionUrlAnswer } from './response-stream';
import { actionFormBody, serverActionId } from './server-actions';
import { loadServerFunction, staticAssetsDir, type ServerHandler } from './server-function';

/**
 * The OpenNext build `npm run deploy` ships, driven in-process exactly as Lambda would drive
 * it behind the portal's CloudFront distribution (function URL events, payload format 2.0,
 * response streaming), against this run's local stack. In local mode only the endpoints
 * differ from a deployment.
 */
let handler: ServerHandler;
const customer = {
  email: `lambda-${randomUUID().slice(0, 8)}@example.test`,
  password: 'Lambda-Test-1',
};

beforeAll(async () => {
  const { config, cognito } = stackClients();
  await provisionUser(
    cognito,
    config.cognito.userPoolId,
    { ...customer, admin: false },
    config.adminGroup,
  );
  handler = await loadServerFunction({
    ...inject('stackEnv'),
    NODE_ENV: 'production',
    NEXTAUTH_URL: publicOrigin,
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
  });
});

function expectSecurityHeaders(answer: FunctionUrlAnswer): void {
  expect(answer.headers).toMatchObject({
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  });
  // Pages rendered per request carry a nonce, pages kept in the cache the hashes of their own
  // inline scripts: either way a script the page did not ship is refused.
  const policy = String(answer.headers['content-security-policy'] ?? '');
  const scriptSrc = /(?:^|;\s*)script-src ([^;]*)/.exec(policy)?.[1] ?? '';
  expect(scriptSrc).toMatch(/'nonce-|'sha256-/);
  expect(scriptSrc).not.toContain('unsafe-inline');
  expect(policy).toContain("frame-ancestors 'none'");
}

const bodyOf = (answer: FunctionUrlAnswer) => answer.text();

async function signedInClient(): Promise<PortalClient> {
  const browser = new PortalClient(handler);
  const csrf = await browser.get('/api/auth/csrf');
  const { csrfToken } = JSON.parse(bodyOf(csrf)) as { csrfToken: string };
  const signIn = await browser.postForm('/api/auth/callback/password', {
    csrfToken,
    email: customer.email,
    password: customer.password,
    callbackUrl: `${publicOrigin}/dashboard`,
    json: 'true',
  });
  expect(signIn.statusCode).toBe(200);
  return browser;
}

describe('public pages through the function URL', () => {
  it('serves the home page: 200 HTML, security headers, no cookies', async () => {
    const home = await new PortalClient(handler).get('/');
    expect(home.statusCode).toBe(200);
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    // The same for everyone, so CloudFront may keep it (the header fills in from /api/viewer).
    expect(home.headers['cache-control']).toMatch(/^s-maxage=\d+, stale-while-revalidate=\d+$/);
    expectSecurityHeaders(home);
    expect(home.cookies).toEqual([]);
    expect(bodyOf(home)).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(bodyOf(home)).toContain('<title>Portico · API developer portal</title>');
  });

  it('serves an API docs page found from the catalog', async () => {
    const visitor = new PortalClient(handler);
    const catalog = await visitor.get('/apis');
    expect(catalog.statusCode).toBe(200);
    const links = [...bodyOf(catalog).matchAll(/href="(\/apis\/[a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(links).toContain('/apis/weather');
    const docs = await visitor.get('/apis/weather');
    expect(docs.statusCode).toBe(200);
    expectSecurityHeaders(docs);
    expect(bodyOf(docs)).toContain('Weather');
    expect(bodyOf(docs)).toContain('/forecast/{city}');
  });

  it('compresses for a viewer that accepts gzip, as CloudFront forwards it', async () => {
    const home = await new PortalClient(handler).get('/', { 'accept-encoding': 'gzip, deflate' });
    expect(home.statusCode).toBe(200);
    expect(home.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(home.body).toString('utf8')).toContain('<title>Portico');
  });

  it('answers an unknown page with the 404 page', async () => {
    const missing = await new PortalClient(handler).get(`/no-such-page-${randomUUID()}`);
    expect(missing.statusCode).toBe(404);
    expectSecurityHeaders(missing);
  });
});

describe('the CloudFront split', () => {
  it(`finds every ${staticFilesPathPattern} file the pages load in the S3 assets, not the function`, async () => {
    expect(staticFilesPathPattern).toBe('/_next/static/*');
    const visitor = new PortalClient(handler);
    const pages = await Promise.all(
      ['/', '/apis/weather', '/sign-in'].map((url) => visitor.get(url)),
    );
    const prefix = staticFilesPathPattern.replace('*', '');
    const files = new Set(
      pages.flatMap((page) =>
        [...bodyOf(page).matchAll(/(?:src|href)="(\/_next\/static\/[^"?]+)/g)].map((m) => m[1]!),
      ),
    );
    expect(files.size).toBeGreaterThan(5);
    const missing = [...files].filter((file) => !existsSync(join(staticAssetsDir, file)));
    expect(missing).toEqual([]);
    for (const file of files) expect(file.startsWith(prefix)).toBe(true);
  });
});

describe('signing in (NextAuth credentials with its CSRF token)', () => {
  it('sets a host-only, Secure, HttpOnly, SameSite=Lax CSRF cookie', async () => {
    const csrf = await new PortalClient(handler).get('/api/auth/csrf');
    expect(csrf.statusCode).toBe(200);
    expect(JSON.parse(bodyOf(csrf))).toEqual({
      csrfToken: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const cookie = findCookie(csrf, '__Host-next-auth.csrf-token');
    expect(cookie).toBeDefined();
    expect(cookieAttributes(cookie!)).toMatchObject({
      path: '/',
      secure: true,
      httponly: true,
      samesite: 'lax',
    });
    expect(cookieAttributes(cookie!)).not.toHaveProperty('domain');
  });

  it('refuses a wrong password without a session cookie', async () => {
    const browser = new PortalClient(handler);
    const { csrfToken } = JSON.parse(bodyOf(await browser.get('/api/auth/csrf'))) as {
      csrfToken: string;
    };
    const signIn = await browser.postForm('/api/auth/callback/password', {
      csrfToken,
      email: customer.email,
      password: 'Not-The-Password-1',
      json: 'true',
    });
    expect(signIn.statusCode).toBe(401);
    expect(findCookie(signIn, '__Secure-next-auth.session-token')).toBeUndefined();
  });

  it('refuses a sign-in without the CSRF token', async () => {
    const signIn = await new PortalClient(handler).postForm('/api/auth/callback/password', {
      email: customer.email,
      password: customer.password,
      json: 'true',
    });
    expect(findCookie(signIn, '__Secure-next-auth.session-token')).toBeUndefined();
  });

  it('signs in: a Secure, HttpOnly, SameSite=Lax session cookie, then the session reads back', async () => {
    const browser = new PortalClient(handler);
    const { csrfToken } = JSON.parse(bodyOf(await browser.get('/api/auth/csrf'))) as {
      csrfToken: string;
    };
    const signIn = await browser.postForm('/api/auth/callback/password', {
      csrfToken,
      email: customer.email,
      password: customer.password,
      callbackUrl: `${publicOrigin}/dashboard`,
      json: 'true',
    });
    expect(signIn.statusCode).toBe(200);
    expect(JSON.parse(bodyOf(signIn))).toEqual({ url: `${publicOrigin}/dashboard` });
    const session = findCookie(signIn, '__Secure-next-auth.session-token');
    expect(session).toBeDefined();
    expect(cookieAttributes(session!)).toMatchObject({
      path: '/',
      secure: true,
      httponly: true,
      samesite: 'lax',
    });
    const read = await browser.get('/api/auth/session');
    expect(read.statusCode).toBe(200);
    expect(JSON.parse(bodyOf(read))).toMatchObject({ user: { email: customer.email } });
  });
});

describe('a signed-in customer', () => {
  let browser: PortalClient;
  let sub: string;
  let bronzeId: string;

  beforeAll(async () => {
    browser = await signedInClient();
    const { config, cognito, apiGateway } = stackClients();
    const user = await cognito.send(
      new AdminGetUserCommand({ UserPoolId: config.cognito.userPoolId, Username: customer.email }),
    );
    sub = user.UserAttributes!.find((attribute) => attribute.Name === 'sub')!.Value!;
    const plans = await apiGateway.send(new GetUsagePlansCommand({ limit: 500 }));
    bronzeId = plans.items!.find((plan) => plan.name === 'Bronze')!.id!;
  });

  it('streams the dashboard: the loading state first, the page after', async () => {
    const dashboard = await browser.get('/dashboard');
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.headers['cache-control']).toBe(
      'private, no-cache, no-store, max-age=0, must-revalidate',
    );
    expectSecurityHeaders(dashboard);
    // How the writes are chunked depends on how fast the data arrives, so the order is read
    // from the whole body: the shell carries the loading state, and the page follows in a
    // hidden segment that React swaps in — the form only a streamed response takes.
    const body = bodyOf(dashboard);
    const loadingAt = body.indexOf('Loading your dashboard…');
    const segmentAt = body.indexOf('<div hidden id="');
    const contentAt = body.indexOf('>Dashboard</h1>');
    expect(loadingAt).toBeGreaterThanOrEqual(0);
    expect(segmentAt).toBeGreaterThan(loadingAt);
    expect(contentAt).toBeGreaterThan(segmentAt);
  });

  it('subscribes to Bronze with the server action, and API Gateway holds the key in the plan', async () => {
    const { body, contentType } = await actionFormBody({ status: 'idle' }, { planId: bronzeId });
    const answer = await browser.send({
      method: 'POST',
      url: '/plans',
      headers: {
        'content-type': contentType,
        accept: 'text/x-component',
        'next-action': serverActionId('subscribeAction'),
        origin: publicOrigin,
      },
      body,
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('text/x-component');
    expect(bodyOf(answer)).toContain('Subscribed. Your API key is on your dashboard.');

    const { apiGateway } = stackClients();
    const [key] = await findCustomerKeys(apiGateway, sub);
    expect(key?.enabled).toBe(true);
    const members = await apiGateway.send(new GetUsagePlanKeysCommand({ usagePlanId: bronzeId }));
    expect(members.items?.map((member) => member.id)).toContain(key!.id);
  });

  it('refuses the same server action posted from another site', async () => {
    const { body, contentType } = await actionFormBody({ status: 'idle' }, { planId: bronzeId });
    const answer = await browser.send({
      method: 'POST',
      url: '/plans',
      headers: {
        'content-type': contentType,
        accept: 'text/x-component',
        'next-action': serverActionId('subscribeAction'),
        origin: 'https://evil.example',
      },
      body,
    });
    expect(answer.statusCode).toBeGreaterThanOrEqual(400);
    expect(bodyOf(answer)).not.toContain('Subscribed');
  });

  it("calls the API through the try-it proxy with the customer's key added on the server", async () => {
    const answer = await browser.get('/api/try/weather/forecast/lisbon?units=metric', {
      'x-portico-try': '1',
      accept: 'application/json',
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    const envelope = JSON.parse(bodyOf(answer)) as {
      status: number;
      body: string;
      keySource: string;
    };
    expect(envelope).toMatchObject({ status: 200, keySource: 'subscription' });
    expect(JSON.parse(envelope.body)).toMatchObject({ city: 'lisbon', units: 'metric' });
  });
});
