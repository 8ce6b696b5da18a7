import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateApiKeyCommand,
  CreateDeploymentCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  DeleteApiKeyCommand,
  DeleteStageCommand,
  DeleteUsagePlanKeyCommand,
  GetUsageCommand,
  ImportApiKeysCommand,
  ImportRestApiCommand,
  UpdateApiKeyCommand,
  UpdateUsagePlanCommand,
  type APIGatewayClient,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUnbudgetedApiGatewayClient } from '../../../lib/gateway/client';
import { startApiGatewayEmulator, type RunningEmulator } from '../index';

let now = Date.parse('2026-11-23T12:00:00Z');
let emulator: RunningEmulator;
let client: APIGatewayClient;
let upstream: Server;
let upstreamUrl: string;
let apiId: string;
let queryKeyApiId: string;

const mock = {
  type: 'mock',
  requestTemplates: { 'application/json': '{"statusCode": 200}' },
  responses: { default: { statusCode: '200' } },
};
const keyed = { security: [{ api_key: [] }] };

function apiDocument(title: string, upstreamBase: string) {
  return {
    openapi: '3.0.1',
    info: { title, version: '1' },
    paths: {
      '/items': {
        get: {
          ...keyed,
          responses: {
            '200': {
              description: 'ok',
              content: { 'application/json': { example: { items: [1, 2] } } },
            },
          },
          'x-amazon-apigateway-integration': mock,
        },
      },
      '/items/{id}': {
        get: {
          ...keyed,
          responses: { '200': { description: 'ok' } },
          'x-amazon-apigateway-integration': {
            ...mock,
            responses: {
              default: {
                statusCode: '200',
                responseTemplates: { 'application/json': '{"one": true}' },
              },
            },
          },
        },
      },
      '/open': {
        get: {
          responses: { '200': { description: 'ok' } },
          'x-amazon-apigateway-integration': mock,
        },
      },
      '/upstream/{proxy+}': {
        'x-amazon-apigateway-any-method': {
          ...keyed,
          responses: {},
          'x-amazon-apigateway-integration': {
            type: 'http_proxy',
            httpMethod: 'ANY',
            uri: `${upstreamBase}/echo/{proxy}`,
            timeoutInMillis: 300,
          },
        },
      },
    },
    components: {
      securitySchemes: { api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' } },
    },
  };
}

const queryKeyDocument = {
  openapi: '3.0.1',
  info: { title: 'Query key', version: '1' },
  'x-amazon-apigateway-api-key-source': 'AUTHORIZER',
  paths: {
    '/things': {
      get: {
        security: [{ api_key: [], by_query: [] }],
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { example: { things: [] } } },
          },
        },
        'x-amazon-apigateway-integration': mock,
      },
    },
  },
  components: {
    securitySchemes: {
      api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' },
      by_query: {
        type: 'apiKey',
        name: 'api_key',
        in: 'query',
        'x-amazon-apigateway-authtype': 'custom',
        'x-amazon-apigateway-authorizer': {
          type: 'request',
          identitySource: 'method.request.querystring.api_key',
        },
      },
    },
  },
};

async function importAndDeploy(document: object): Promise<string> {
  const api = await client.send(
    new ImportRestApiCommand({ body: Buffer.from(JSON.stringify(document)) }),
  );
  await client.send(new CreateDeploymentCommand({ restApiId: api.id!, stageName: 'live' }));
  return api.id!;
}

async function planWithKey(plan: {
  throttle?: { rateLimit: number; burstLimit: number };
  quota?: { limit: number; period: 'DAY' | 'WEEK' | 'MONTH'; offset?: number };
  apis?: string[];
}) {
  const created = await client.send(
    new CreateUsagePlanCommand({
      name: `plan-${Math.random()}`,
      apiStages: (plan.apis ?? [apiId]).map((id) => ({ apiId: id, stage: 'live' })),
      throttle: plan.throttle ?? { rateLimit: 10_000, burstLimit: 10_000 },
      ...(plan.quota ? { quota: { offset: 0, ...plan.quota } } : {}),
    }),
  );
  const key = await client.send(new CreateApiKeyCommand({ name: 'k', enabled: true }));
  await client.send(
    new CreateUsagePlanKeyCommand({ usagePlanId: created.id!, keyId: key.id!, keyType: 'API_KEY' }),
  );
  return { planId: created.id!, keyId: key.id!, key: key.value! };
}

const invoke = (path: string, init: RequestInit & { key?: string; api?: string } = {}) => {
  const { key, api = apiId, ...rest } = init;
  return fetch(`${emulator.url}/restapis/${api}/live/_user_request_${path}`, {
    ...rest,
    headers: { ...(key ? { 'x-api-key': key } : {}), ...(rest.headers as Record<string, string>) },
  });
};

async function outcome(response: Response): Promise<string> {
  return `${response.status} ${JSON.parse((await response.text()) || '{}').message ?? ''}`.trim();
}

beforeAll(async () => {
  upstream = createServer((request, response) => {
    if (request.url?.startsWith('/echo/slow'))
      return void setTimeout(() => response.end('late'), 1_000);
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      response.writeHead(request.url?.includes('teapot') ? 418 : 200, {
        'content-type': 'application/json',
        'x-upstream': 'yes',
      });
      response.end(
        JSON.stringify({
          method: request.method,
          url: request.url,
          body: Buffer.concat(chunks).toString(),
          apiKey: request.headers['x-api-key'],
        }),
      );
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  emulator = await startApiGatewayEmulator({ port: 0, clock: { now: () => now } });
  client = createUnbudgetedApiGatewayClient({
    region: 'us-east-1',
    endpoints: { apiGateway: emulator.url },
  });
  apiId = await importAndDeploy(apiDocument('Items', upstreamUrl));
  queryKeyApiId = await importAndDeploy(queryKeyDocument);
});

afterAll(async () => {
  await emulator.close();
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
});

beforeEach(() => {
  now = Date.parse('2026-11-23T12:00:00Z');
});

describe('routing and the key check', () => {
  it('answers an unknown path or method with Missing Authentication Token', async () => {
    expect(await outcome(await invoke('/nothing-here'))).toBe('403 Missing Authentication Token');
    expect(await outcome(await invoke('/open', { method: 'DELETE' }))).toBe(
      '403 Missing Authentication Token',
    );
  });

  it('serves a method without a key requirement to anyone, unmetered', async () => {
    const response = await invoke('/open');
    expect(response.status).toBe(200);
  });

  it('refuses a missing, unknown, disabled or plan-less key with 403 Forbidden', async () => {
    const { key, keyId } = await planWithKey({});
    const loose = await client.send(new CreateApiKeyCommand({ name: 'no plan', enabled: true }));
    expect(await outcome(await invoke('/items'))).toBe('403 Forbidden');
    expect(await outcome(await invoke('/items', { key: 'x'.repeat(30) }))).toBe('403 Forbidden');
    expect(await outcome(await invoke('/items', { key: loose.value! }))).toBe('403 Forbidden');
    expect((await invoke('/items', { key })).status).toBe(200);
    await client.send(
      new UpdateApiKeyCommand({
        apiKey: keyId,
        patchOperations: [{ op: 'replace', path: '/enabled', value: 'false' }],
      }),
    );
    expect(await outcome(await invoke('/items', { key }))).toBe('403 Forbidden');
  });

  it('reads the key header in any case, and a repeated one as Node joins it (never a key)', async () => {
    const { key } = await planWithKey({});
    const statusWith = (headers: Record<string, string | string[]>) =>
      new Promise<number>((resolve, reject) => {
        const call = httpRequest(
          `${emulator.url}/restapis/${apiId}/live/_user_request_/items`,
          { headers },
          (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        );
        call.once('error', reject).end();
      });
    expect(await statusWith({ 'X-API-Key': key })).toBe(200);
    // Sent as two header lines; `request.headers` joins them into "key, key".
    expect(await statusWith({ 'x-api-key': [key, key] })).toBe(403);
    expect(await statusWith({ 'X-Api-Key': [key, 'y'.repeat(30)] })).toBe(403);
  });

  it('refuses a key whose plan does not cover the stage called', async () => {
    const { key } = await planWithKey({ apis: [queryKeyApiId] });
    expect(await outcome(await invoke('/items', { key }))).toBe('403 Forbidden');
  });

  it('takes the key from the authorizer’s query parameter when the key source is AUTHORIZER', async () => {
    const { key } = await planWithKey({ apis: [queryKeyApiId] });
    expect(await outcome(await invoke('/things', { api: queryKeyApiId }))).toBe('401 Unauthorized');
    expect(await outcome(await invoke('/things', { api: queryKeyApiId, key }))).toBe(
      '401 Unauthorized',
    );
    const response = await invoke(`/things?api_key=${key}`, { api: queryKeyApiId });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ things: [] });
    expect(
      await outcome(await invoke(`/things?api_key=${'z'.repeat(25)}`, { api: queryKeyApiId })),
    ).toBe('403 Forbidden');
  });
});

describe('control-plane changes', () => {
  // The access index follows each change from what it touched, not by rebuilding: each step
  // here would pass against an index that is rebuilt and fail against one that misses a change.
  const enabled = (keyId: string, value: boolean) =>
    client.send(
      new UpdateApiKeyCommand({
        apiKey: keyId,
        patchOperations: [{ op: 'replace', path: '/enabled', value: String(value) }],
      }),
    );
  const stageOfPlan = (planId: string, op: 'add' | 'remove', api: string) =>
    client.send(
      new UpdateUsagePlanCommand({
        usagePlanId: planId,
        patchOperations: [{ op, path: '/apiStages', value: `${api}:live` }],
      }),
    );

  it('reach the data plane with the next request', async () => {
    const { key, keyId, planId } = await planWithKey({});
    expect(await outcome(await invoke('/items', { key }))).toBe('200');

    await enabled(keyId, false);
    expect(await outcome(await invoke('/items', { key }))).toBe('403 Forbidden');
    await enabled(keyId, true);
    expect(await outcome(await invoke('/items', { key }))).toBe('200');

    await client.send(new DeleteUsagePlanKeyCommand({ usagePlanId: planId, keyId }));
    expect(await outcome(await invoke('/items', { key }))).toBe('403 Forbidden');
    await client.send(
      new CreateUsagePlanKeyCommand({ usagePlanId: planId, keyId, keyType: 'API_KEY' }),
    );
    expect(await outcome(await invoke('/items', { key }))).toBe('200');

    await stageOfPlan(planId, 'remove', apiId);
    expect(await outcome(await invoke('/items', { key }))).toBe('403 Forbidden');
    await stageOfPlan(planId, 'add', queryKeyApiId);
    expect(await outcome(await invoke(`/things?api_key=${key}`, { api: queryKeyApiId }))).toBe(
      '200',
    );
    await stageOfPlan(planId, 'add', apiId);
    expect(await outcome(await invoke('/items', { key }))).toBe('200');

    await client.send(
      new UpdateUsagePlanCommand({
        usagePlanId: planId,
        patchOperations: [{ op: 'replace', path: '/throttle/burstLimit', value: '0' }],
      }),
    );
    expect(await outcome(await invoke('/items', { key }))).toBe('429 Too Many Requests');

    await client.send(new DeleteApiKeyCommand({ apiKey: keyId }));
    expect(await outcome(await invoke('/items', { key }))).toBe('403 Forbidden');
  });

  it('made by ImportApiKeys reach the data plane too, keys left alone included', async () => {
    const { key: bystander, planId } = await planWithKey({});
    const value = `imported-${Math.random().toString(36).slice(2)}-key-value`;
    const importKeys = (enabledCell: string) =>
      client.send(
        new ImportApiKeysCommand({
          body: Buffer.from(
            `Name,Key,Enabled,UsagePlanIds\nimported,${value},${enabledCell},${planId}\n`,
          ),
          format: 'csv',
        }),
      );
    await importKeys('true');
    expect(await outcome(await invoke('/items', { key: value }))).toBe('200');
    await importKeys('false');
    expect(await outcome(await invoke('/items', { key: value }))).toBe('403 Forbidden');
    expect(await outcome(await invoke('/items', { key: bystander }))).toBe('200');
  });

  it('to stages reach the data plane with the next request', async () => {
    const openOnExtra = async () =>
      outcome(await fetch(`${emulator.url}/restapis/${apiId}/extra/_user_request_/open`));
    expect(await openOnExtra()).toBe('403 Forbidden');
    await client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'extra' }));
    expect(await openOnExtra()).toBe('200');
    await client.send(new DeleteStageCommand({ restApiId: apiId, stageName: 'extra' }));
    expect(await openOnExtra()).toBe('403 Forbidden');
  });
});

describe('MOCK integrations', () => {
  it('answer with the OpenAPI example, or with the integration response template', async () => {
    const { key } = await planWithKey({});
    const listed = await invoke('/items', { key });
    expect(listed.headers.get('content-type')).toBe('application/json');
    expect(await listed.json()).toEqual({ items: [1, 2] });
    expect(await (await invoke('/items/7', { key })).json()).toEqual({ one: true });
  });
});

describe('throttling', () => {
  it('refuses above the plan’s burst with 429 Too Many Requests and refills at its rate', async () => {
    const { key } = await planWithKey({ throttle: { rateLimit: 2, burstLimit: 3 } });
    const results = [];
    for (let index = 0; index < 4; index += 1)
      results.push(await outcome(await invoke('/items', { key })));
    expect(results).toEqual(['200', '200', '200', '429 Too Many Requests']);
    now += 500;
    expect(await outcome(await invoke('/items', { key }))).toBe('200');
    expect(await outcome(await invoke('/items', { key }))).toBe('429 Too Many Requests');
  });

  it('applies a per-method throttle instead of the plan’s for that method only', async () => {
    const { key, planId } = await planWithKey({ throttle: { rateLimit: 100, burstLimit: 100 } });
    await client.send(
      new UpdateUsagePlanCommand({
        usagePlanId: planId,
        patchOperations: [
          {
            op: 'replace',
            path: `/apiStages/${apiId}:live/throttle/~1items~1{id}/GET/rateLimit`,
            value: '1',
          },
          {
            op: 'replace',
            path: `/apiStages/${apiId}:live/throttle//items/{id}/GET/burstLimit`,
            value: '1',
          },
        ],
      }),
    );
    expect(await outcome(await invoke('/items/1', { key }))).toBe('200');
    expect(await outcome(await invoke('/items/2', { key }))).toBe('429 Too Many Requests');
    expect(await outcome(await invoke('/items', { key }))).toBe('200');
    expect(await outcome(await invoke('/items', { key }))).toBe('200');
  });
});

describe('quotas', () => {
  it('refuses past a DAY quota with 429 Limit Exceeded until the next UTC midnight', async () => {
    const { key } = await planWithKey({ quota: { limit: 2, period: 'DAY' } });
    now = Date.parse('2026-11-23T23:59:58Z');
    const results = [];
    for (let index = 0; index < 3; index += 1)
      results.push(await outcome(await invoke('/items', { key })));
    expect(results).toEqual(['200', '200', '429 Limit Exceeded']);
    now = Date.parse('2026-11-23T23:59:59.999Z');
    expect(await outcome(await invoke('/items', { key }))).toBe('429 Limit Exceeded');
    now = Date.parse('2026-11-24T00:00:00Z');
    expect(await outcome(await invoke('/items', { key }))).toBe('200');
  });

  it('rolls a WEEK quota over on the weekday its offset names (1 = Monday)', async () => {
    const { key } = await planWithKey({ quota: { limit: 1, period: 'WEEK', offset: 1 } });
    now = Date.parse('2026-11-17T10:00:00Z'); // a Tuesday
    expect(await outcome(await invoke('/items', { key }))).toBe('200');
    now = Date.parse('2026-11-22T23:59:59Z'); // the Sunday after
    expect(await outcome(await invoke('/items', { key }))).toBe('429 Limit Exceeded');
    now = Date.parse('2026-11-23T00:00:00Z'); // Monday
    expect(await outcome(await invoke('/items', { key }))).toBe('200');
  });

  it('rolls a MONTH quota over on the 1st', async () => {
    const { key } = await planWithKey({ quota: { limit: 1, period: 'MONTH' } });
    now = Date.parse('2026-11-01T00:00:00Z');
    expect(await outcome(await invoke('/items', { key }))).toBe('200');
    now = Date.parse('2026-11-30T23:59:59Z');
    expect(await outcome(await invoke('/items', { key }))).toBe('429 Limit Exceeded');
    now = Date.parse('2026-12-01T00:00:00Z');
    expect(await outcome(await invoke('/items', { key }))).toBe('200');
  });

  it('accepts exactly min(N, Q) of N parallel requests and meters each one', async () => {
    const { key, keyId, planId } = await planWithKey({ quota: { limit: 25, period: 'DAY' } });
    const statuses = await Promise.all(
      Array.from({ length: 60 }, async () => (await invoke('/items', { key })).status),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(25);
    expect(statuses.filter((status) => status === 429)).toHaveLength(35);
    const usage = await client.send(
      new GetUsageCommand({ usagePlanId: planId, startDate: '2026-11-23', endDate: '2026-11-23' }),
    );
    expect(usage.items).toEqual({ [keyId]: [[25, 0]] });
  });

  it('shows metered requests in GetUsage at once, per UTC day, with what remained', async () => {
    const { key, keyId, planId } = await planWithKey({ quota: { limit: 100, period: 'MONTH' } });
    now = Date.parse('2026-11-20T23:00:00Z');
    for (let index = 0; index < 3; index += 1) await invoke('/items', { key });
    now = Date.parse('2026-11-22T01:00:00Z');
    await invoke('/items', { key });
    await invoke('/nothing-here', { key });
    const usage = await client.send(
      new GetUsageCommand({ usagePlanId: planId, startDate: '2026-11-20', endDate: '2026-11-22' }),
    );
    expect(usage.items).toEqual({
      [keyId]: [
        [3, 97],
        [0, 97],
        [1, 96],
      ],
    });
  });
});

describe('HTTP_PROXY integrations', () => {
  it('forward method, path, query, body and key, and return the upstream answer as is', async () => {
    const { key } = await planWithKey({});
    const response = await invoke('/upstream/a/b%20c/teapot?x=1&y=2', {
      key,
      method: 'POST',
      body: 'hello',
    });
    expect(response.status).toBe(418);
    expect(response.headers.get('x-upstream')).toBe('yes');
    expect(await response.json()).toEqual({
      method: 'POST',
      url: '/echo/a/b%20c/teapot?x=1&y=2',
      body: 'hello',
      apiKey: key,
    });
  });

  it('answer 504 Endpoint request timed out when the upstream is slower than the timeout', async () => {
    const { key } = await planWithKey({});
    expect(await outcome(await invoke('/upstream/slow', { key }))).toBe(
      '504 Endpoint request timed out',
    );
  });
});
