import {
  APIGatewayClient,
  CreateApiKeyCommand,
  CreateDeploymentCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  ImportRestApiCommand,
} from '@aws-sdk/client-api-gateway';
import { afterEach, beforeEach, expect } from 'vitest';
import { createUnbudgetedApiGatewayClient } from '../../../lib/gateway/client';
import { startApiGatewayEmulator, type EmulatorOptions, type RunningEmulator } from '../index';

/**
 * Shared set-up of the control-plane conformance tests: each test gets its own in-process
 * emulator and a client built exactly as the portal builds it, so list results and call counts
 * never depend on what another test left behind.
 */
export interface Conformance {
  emulator: RunningEmulator;
  client: APIGatewayClient;
}

export function emulatorPerTest(options: EmulatorOptions = {}): Conformance {
  const current = {} as Conformance;
  beforeEach(async () => {
    current.emulator = await startApiGatewayEmulator({ ...options, port: 0 });
    current.client = createUnbudgetedApiGatewayClient({
      region: 'us-east-1',
      endpoints: { apiGateway: current.emulator.url },
    });
  });
  afterEach(async () => {
    current.client.destroy();
    await current.emulator.close();
  });
  return current;
}

/**
 * A client that does not retry. The portal's client retries 429s (TooManyRequestsException
 * and LimitExceededException alike) with back-off, which would hide them and take seconds.
 */
export function singleAttemptClient(url: string): APIGatewayClient {
  return new APIGatewayClient({
    region: 'us-east-1',
    endpoint: url,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}

/** A clock the test moves by hand; it is back at `startIso` before every test. */
export function fakeClock(startIso: string) {
  let time = Date.parse(startIso);
  beforeEach(() => {
    time = Date.parse(startIso);
  });
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
    set: (iso: string) => {
      time = Date.parse(iso);
    },
  };
}

const mockIntegration = {
  type: 'mock',
  requestTemplates: { 'application/json': '{"statusCode": 200}' },
  responses: {
    default: {
      statusCode: '200',
      responseTemplates: { 'application/json': '{"forecast":"sunny"}' },
    },
  },
};

/** An API with a keyed MOCK method, a keyed HTTP_PROXY method and an open MOCK method. */
export function weatherApi(title = 'Weather') {
  return {
    openapi: '3.0.1',
    info: { title, description: 'Forecasts', version: '2.1' },
    paths: {
      '/forecast': {
        get: {
          operationId: 'getForecast',
          security: [{ api_key: [] }],
          responses: { '200': { description: 'ok' } },
          'x-amazon-apigateway-integration': mockIntegration,
        },
      },
      '/forecast/{city}': {
        get: {
          operationId: 'getCityForecast',
          security: [{ api_key: [] }],
          parameters: [{ name: 'city', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'ok' } },
          'x-amazon-apigateway-integration': {
            type: 'http_proxy',
            httpMethod: 'GET',
            uri: 'http://127.0.0.1:9/cities/{city}',
            timeoutInMillis: 5000,
          },
        },
      },
      '/health': {
        get: {
          responses: { '200': { description: 'ok' } },
          'x-amazon-apigateway-integration': mockIntegration,
        },
      },
    },
    components: {
      securitySchemes: { api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' } },
    },
  };
}

export const asBody = (document: unknown) => new TextEncoder().encode(JSON.stringify(document));

/** Imports `document` and deploys it to `stageName`; returns the API's id. */
export async function deployApi(
  client: APIGatewayClient,
  stageName = 'prod',
  document: unknown = weatherApi(),
): Promise<string> {
  const api = await client.send(new ImportRestApiCommand({ body: asBody(document) }));
  await client.send(new CreateDeploymentCommand({ restApiId: api.id!, stageName }));
  return api.id!;
}

/** A plan over `apiId:stageName` with one enabled key in it. */
export async function planWithKey(
  client: APIGatewayClient,
  apiId: string,
  stageName = 'prod',
  plan: { quota?: { limit: number; period: 'DAY' | 'WEEK' | 'MONTH'; offset?: number } } = {},
) {
  const usagePlan = await client.send(
    new CreateUsagePlanCommand({
      name: 'Basic',
      apiStages: [{ apiId, stage: stageName }],
      ...plan,
    }),
  );
  const key = await client.send(new CreateApiKeyCommand({ name: 'alice', enabled: true }));
  await client.send(
    new CreateUsagePlanKeyCommand({
      usagePlanId: usagePlan.id!,
      keyId: key.id!,
      keyType: 'API_KEY',
    }),
  );
  return { planId: usagePlan.id!, keyId: key.id!, keyValue: key.value! };
}

/**
 * Runs `call` and returns what it threw, checking that it is the SDK's exception of that
 * name with that HTTP status, so each error test pins both.
 */
export async function failure(
  call: Promise<unknown>,
  name: string,
  status: number,
): Promise<Error & { $metadata: { httpStatusCode?: number } }> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, `expected ${name}`).toBeInstanceOf(Error);
  const typed = error as Error & { $metadata: { httpStatusCode?: number } };
  expect(typed.name).toBe(name);
  expect(typed.$metadata.httpStatusCode).toBe(status);
  return typed;
}
