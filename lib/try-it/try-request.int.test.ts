import { randomUUID } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateDeploymentCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  DeleteApiKeyCommand,
  DeleteRestApiCommand,
  DeleteUsagePlanCommand,
  DeleteUsagePlanKeyCommand,
  GetUsagePlansCommand,
  ImportRestApiCommand,
  UpdateUsageCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousViewer, type AudienceViewer } from '../audiences/audience';
import { RateLimiter } from '../auth/rate-limit';
import { gatewayCache } from '../gateway/cache';
import { getCatalog } from '../gateway/catalog';
import { createCustomerKey } from '../gateway/customer-keys';
import { syncReadModel } from '../gateway/sync';
import { testPortalDeps, unknownCustomer } from '../testing/portal-deps';
import { redactedKey } from './key-scrub';
import type { TryItEnvelope } from './envelope';
import { tryItLimits, type TryItLimits } from './limits';
import { runTryRequest, type TryOutcome, type TryRequest } from './try-request';

/*
 * The proxy against the integration stack's real emulator: a test API of our own (MOCK and
 * HTTP_PROXY methods in front of a local upstream), a plan whose throttle refills one request
 * every 1,000 seconds (so a key's second call is throttled however slow the machine is; every
 * other test makes one call per key), and the seeded Payments API for a key in the query
 * string. Everything created here is removed after.
 */
const deps = testPortalDeps();
const roomyLimiter = new RateLimiter(
  { name: `try-it-test-${randomUUID()}`, limit: 100, windowMs: 1000 },
  () => deps,
);
const client = deps.apiGateway;
const stage = 'try';
let upstream: Server;
let restApiId: string;
let planId: string;
let slug: string;
const createdKeys: { keyId: string; planId: string }[] = [];

const bigBody = 'x'.repeat(tryItLimits.maxResponseBodyBytes + 1);

function startUpstream(): Promise<number> {
  upstream = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url?.startsWith('/big')) {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end(bigBody);
      } else if (request.url?.startsWith('/mirror')) {
        mirror(request.headers['x-api-key'], request.url, response);
      } else if (request.url?.startsWith('/slow')) {
        setTimeout(() => response.end('{"late":true}'), 1500);
      } else {
        response.writeHead(200, { 'content-type': 'application/json' });
        const body = Buffer.concat(chunks).toString();
        response.end(JSON.stringify({ method: request.method, headers: request.headers, body }));
      }
    });
  });
  return new Promise((resolve) =>
    upstream.listen(0, '127.0.0.1', () => resolve((upstream.address() as AddressInfo).port)),
  );
}

/** An API that hands the key it received back in every other form: a leak test for try-it. */
function mirror(header: string | string[] | undefined, url: string, response: ServerResponse) {
  const key = String(header ?? '');
  const bytes = Buffer.from(key);
  response.statusMessage = `OK for ${key}`;
  response.setHeader('x-key-base64', bytes.toString('base64'));
  response.setHeader(`x-seen-${key}`, '1');
  response.setHeader('x-key-hex', bytes.toString('hex'));
  if (url.includes('binary')) {
    response.setHeader('content-type', 'application/octet-stream');
    response.end(Buffer.concat([Buffer.from([0xff, 0]), bytes, Buffer.from(key, 'utf16le')]));
  } else {
    response.setHeader('content-type', 'text/plain');
    response.end(
      `as base64 ${Buffer.from(`k=${key}`).toString('base64')}; json ${JSON.stringify({ key })}`,
    );
  }
}

const proxyTo = (port: number, path: string, extra: Record<string, unknown> = {}) => ({
  security: [{ api_key: [] }],
  responses: { '200': { description: 'OK' } },
  'x-amazon-apigateway-integration': {
    type: 'http_proxy',
    httpMethod: 'ANY',
    uri: `http://127.0.0.1:${port}${path}`,
    ...extra,
  },
});

beforeAll(async () => {
  const port = await startUpstream();
  const document = {
    openapi: '3.0.1',
    info: { title: `Try-it test ${Date.now()}`, version: '1' },
    'x-amazon-apigateway-api-key-source': 'HEADER',
    paths: {
      '/hello': {
        get: {
          security: [{ api_key: [] }],
          responses: {
            '200': { description: 'OK', content: { 'application/json': { example: { hi: 1 } } } },
          },
          'x-amazon-apigateway-integration': {
            type: 'mock',
            requestTemplates: { 'application/json': '{"statusCode": 200}' },
            responses: { default: { statusCode: '200' } },
          },
        },
      },
      '/echo': { 'x-amazon-apigateway-any-method': proxyTo(port, '/echo') },
      '/big': { get: proxyTo(port, '/big') },
      '/mirror/{mode}': { get: proxyTo(port, '/mirror/{mode}') },
      '/slow': { get: proxyTo(port, '/slow') },
      '/slower-than-gateway': { get: proxyTo(port, '/slow', { timeoutInMillis: 200 }) },
    },
    components: {
      securitySchemes: { api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' } },
    },
  };
  const api = await client.send(
    new ImportRestApiCommand({ body: Buffer.from(JSON.stringify(document)) }),
  );
  restApiId = api.id!;
  await client.send(new CreateDeploymentCommand({ restApiId, stageName: stage }));
  const plan = await client.send(
    new CreateUsagePlanCommand({
      name: 'Try-it test plan',
      apiStages: [{ apiId: restApiId, stage }],
      throttle: { rateLimit: 0.001, burstLimit: 1 },
      quota: { limit: 100, period: 'DAY' },
    }),
  );
  planId = plan.id!;
  // Made behind the portal's back, so the read model learns of it from a sync.
  await syncReadModel(deps, 'admin');
  gatewayCache.invalidate();
  slug = (await getCatalog()).find((entry) => entry.restApiId === restApiId)!.slug;
});

afterAll(async () => {
  for (const { keyId, planId: plan } of createdKeys) {
    await client.send(new DeleteUsagePlanKeyCommand({ usagePlanId: plan, keyId }));
    await client.send(new DeleteApiKeyCommand({ apiKey: keyId }));
  }
  if (planId) await client.send(new DeleteUsagePlanCommand({ usagePlanId: planId }));
  if (restApiId) await client.send(new DeleteRestApiCommand({ restApiId }));
  await syncReadModel(deps, 'admin');
  gatewayCache.invalidate();
  await new Promise((resolve) => upstream?.close(resolve));
});

/** A new customer whose active key is in `plan`, as subscribing leaves them. */
async function subscriber(plan = planId) {
  const customer = unknownCustomer();
  const { key, value } = await createCustomerKey(deps, customer);
  await client.send(
    new CreateUsagePlanKeyCommand({ usagePlanId: plan, keyId: key.id, keyType: 'API_KEY' }),
  );
  createdKeys.push({ keyId: key.id, planId: plan });
  return { customer, keyId: key.id, value };
}

const signedInViewer: AudienceViewer = { signedIn: true, isAdmin: false, groups: [] };

function call(
  path: string,
  overrides: Partial<TryRequest> = {},
  limiter = roomyLimiter,
  limits: TryItLimits = tryItLimits,
): Promise<TryOutcome> {
  const [pathname = '', search = ''] = path.split('?');
  return runTryRequest(
    deps,
    {
      slug,
      method: 'GET',
      pathname: `/api/try/${overrides.slug ?? slug}${pathname}`,
      search,
      headers: new Headers(),
      body: null,
      clientIp: '198.51.100.7',
      viewer: overrides.caller ? signedInViewer : anonymousViewer,
      ...overrides,
    },
    { limiter, limits },
  );
}

function envelopeOf(outcome: TryOutcome): TryItEnvelope {
  if (!outcome.ok) throw new Error(`expected an envelope, got ${JSON.stringify(outcome.problem)}`);
  return outcome.envelope;
}

describe('the try-it proxy against the local API Gateway', () => {
  it("adds a subscriber's key on the server and never returns it", async () => {
    const { customer, value } = await subscriber();
    const hello = envelopeOf(await call('/hello', { caller: customer }));
    expect(hello).toMatchObject({ status: 200, keySource: 'subscription', bodyEncoding: 'text' });
    expect(JSON.parse(hello.body)).toEqual({ hi: 1 });
    expect(hello.request.url).toMatch(
      new RegExp(`/restapis/${restApiId}/${stage}/_user_request_/hello$`),
    );
    expect(JSON.stringify(hello)).not.toContain(value);
  });

  it('redacts the key if the API echoes it, and forwards only allowed headers', async () => {
    const { customer, value } = await subscriber();
    const echo = envelopeOf(
      await call('/echo?q=1', {
        caller: customer,
        method: 'POST',
        headers: new Headers({
          'content-type': 'application/json',
          cookie: 'next-auth.session-token=portal-session',
          authorization: 'Bearer portal-token',
          'x-forwarded-for': '203.0.113.1',
          'x-undeclared': 'dropped',
        }),
        body: new Blob(['{"amount":1}']).stream(),
      }),
    );
    expect(echo.status).toBe(200);
    const seen = JSON.parse(echo.body) as {
      method: string;
      headers: Record<string, string>;
      body: string;
    };
    expect(seen.method).toBe('POST');
    expect(seen.body).toBe('{"amount":1}');
    expect(seen.headers['x-api-key']).toBe(redactedKey);
    expect(seen.headers.cookie).toBeUndefined();
    expect(seen.headers.authorization).toBeUndefined();
    expect(seen.headers['x-undeclared']).toBeUndefined();
    expect(JSON.stringify(echo)).not.toContain(value);
    expect(echo.request).toMatchObject({ method: 'POST', body: '{"amount":1}' });
    expect(echo.request.url).toMatch(/\/echo\?q=1$/);
  });

  it.each(['text', 'binary'])(
    'never hands the subscriber key back in a %s answer, its headers or status',
    async (mode) => {
      const { customer, value } = await subscriber();
      const outcome = envelopeOf(await call(`/mirror/${mode}`, { caller: customer }));
      expect(outcome.status).toBe(200);
      expect(outcome.bodyEncoding).toBe(mode === 'text' ? 'text' : 'base64');
      const everything = [
        JSON.stringify(outcome),
        Buffer.from(outcome.body, 'base64').toString('latin1'),
        Buffer.from(outcome.body, 'base64').toString('utf16le'),
        Buffer.from(outcome.headers['x-key-base64'] ?? '', 'base64').toString(),
        Buffer.from(outcome.headers['x-key-hex'] ?? '', 'hex').toString(),
      ].join('\n');
      expect(everything).not.toContain(value);
      expect(everything.toLowerCase()).not.toContain(value.toLowerCase());
    },
  );

  it('forwards a pasted key as it is, to a signed-out visitor too', async () => {
    const { value } = await subscriber();
    const echo = envelopeOf(await call('/echo', { headers: new Headers({ 'x-api-key': value }) }));
    expect(echo.keySource).toBe('pasted');
    expect(
      (JSON.parse(echo.body) as { headers: Record<string, string> }).headers['x-api-key'],
    ).toBe(value);
    // The snippet's request never carries the key: the page puts in a placeholder.
    expect(JSON.stringify(echo.request)).not.toContain(value);
  });

  it('puts the key in the query string for an API whose authorizer reads it there', async () => {
    const plans = await client.send(new GetUsagePlansCommand({ limit: 500 }));
    const bronze = plans.items!.find((plan) => plan.name === 'Bronze')!.id!;
    const { customer, value } = await subscriber(bronze);
    const payments = envelopeOf(
      await call('/payments?limit=2', { slug: 'payments', caller: customer }),
    );
    expect(payments.status).toBe(200);
    expect(payments.request.url).toMatch(/\/payments\?limit=2$/);
    expect(JSON.stringify(payments)).not.toContain(value);
  });

  it('explains 403 Forbidden for a bad key and for no key', async () => {
    const bad = envelopeOf(
      await call('/hello', { headers: new Headers({ 'x-api-key': 'b'.repeat(30) }) }),
    );
    expect(bad.status).toBe(403);
    expect(bad.explanation).toContain(
      'this key is missing, disabled or not subscribed to a plan covering this API',
    );
    const none = envelopeOf(await call('/hello'));
    expect(none).toMatchObject({ status: 403, keySource: 'none' });
    expect(none.explanation).toContain('No key was sent');
  });

  it("explains 429 Too Many Requests with the plan's rate", async () => {
    const { customer } = await subscriber();
    const first = envelopeOf(await call('/hello', { caller: customer }));
    expect(first.status).toBe(200);
    const throttled = envelopeOf(await call('/hello', { caller: customer }));
    expect(throttled.status).toBe(429);
    expect(JSON.parse(throttled.body)).toEqual({ message: 'Too Many Requests' });
    expect(throttled.explanation).toBe(
      'Too many requests in a short time: Try-it test plan allows 0.001 requests per second, bursts of 1. Wait a second and try again.',
    );
  });

  it('explains 429 Limit Exceeded with the quota and its UTC reset once the quota is used up', async () => {
    const { customer, keyId } = await subscriber();
    await client.send(
      new UpdateUsageCommand({
        usagePlanId: planId,
        keyId,
        patchOperations: [{ op: 'replace', path: '/remaining', value: '0' }],
      }),
    );
    const exceeded = envelopeOf(await call('/hello', { caller: customer }));
    expect(exceeded.status).toBe(429);
    expect(JSON.parse(exceeded.body)).toEqual({ message: 'Limit Exceeded' });
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(exceeded.explanation).toBe(
      `This key has used up Try-it test plan's quota (100 requests per day, resets daily at 00:00 UTC). It resets at ${tomorrow} 00:00 UTC.`,
    );
  });

  it('refuses a request body over 1 MB before calling the API', async () => {
    const { customer } = await subscriber();
    const outcome = await call('/echo', {
      caller: customer,
      method: 'POST',
      body: new Blob([new Uint8Array(tryItLimits.maxRequestBodyBytes + 1)]).stream(),
    });
    expect(outcome).toMatchObject({
      ok: false,
      problem: { status: 413, title: 'Request body too large' },
    });
  });

  it('refuses an answer over 6 MB with a clear message', async () => {
    const { customer } = await subscriber();
    const outcome = await call('/big', { caller: customer });
    expect(outcome).toMatchObject({
      ok: false,
      problem: { status: 502, detail: expect.stringContaining('more than 6 MB') },
    });
  });

  it('stops waiting at its timeout, and explains API Gateway’s own 504', async () => {
    const { customer } = await subscriber();
    const outcome = await call('/slow', { caller: customer }, undefined, {
      ...tryItLimits,
      timeoutMs: 300,
    });
    expect(outcome).toMatchObject({ ok: false, problem: { status: 504 } });

    const other = await subscriber();
    const gateway = envelopeOf(await call('/slower-than-gateway', { caller: other.customer }));
    expect(gateway.status).toBe(504);
    expect(gateway.explanation).toContain('integration timeout');
  });

  it('refuses paths that leave the stage without calling anything', async () => {
    for (const path of ['/..%2f..%2fother', '/%2e%2e/x', '/a%5c..', '/a//b']) {
      const outcome = await call(path);
      expect(outcome).toMatchObject({ ok: false, problem: { status: 400, title: 'Path refused' } });
    }
    expect(await call('/hello', { slug: 'no-such-api' })).toMatchObject({
      ok: false,
      problem: { status: 404 },
    });
  });

  it('allows 5 calls a second per person', async () => {
    // One fixed window (the clock stands still), counted in the stack's table.
    const limiter = new RateLimiter(
      { name: `try-it-${randomUUID()}`, limit: tryItLimits.requestsPerSecond, windowMs: 1000 },
      () => ({ ...deps, now: () => 0 }),
    );
    const statuses = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const outcome = await call('/hello', {}, limiter);
      statuses.push(outcome.ok ? outcome.envelope.status : outcome.problem.status);
    }
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429]);
    // Someone else is not slowed down by the first person's calls.
    const other = await call('/hello', { clientIp: '198.51.100.8' }, limiter);
    expect(other.ok).toBe(true);
  });
});
