import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callBudget, createApiGatewayClient } from './client';
import { listKeys } from './keys';

/** A stand-in control plane: throttles the first request, then answers an empty key list. */
let server: Server;
let requests = 0;
let endpoint = '';

beforeAll(async () => {
  server = createServer((_request, response) => {
    requests += 1;
    if (requests === 1) {
      response.writeHead(429, {
        'content-type': 'application/json',
        'x-amzn-errortype': 'TooManyRequestsException',
      });
      response.end(JSON.stringify({ message: 'Too Many Requests' }));
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ item: [{ id: 'k1', name: 'one', enabled: true }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('createApiGatewayClient', () => {
  it('takes a budget token for every attempt, the retry after a TooManyRequests too', async () => {
    const client = createApiGatewayClient({
      region: 'us-east-1',
      endpoints: { apiGateway: endpoint },
      gatewayCallsPerSecond: 50,
    });
    const before = { ...callBudget().stats };
    const keys = await listKeys(client);
    expect(keys.map((key) => key.id)).toEqual(['k1']);
    expect(requests).toBe(2);
    expect(callBudget().stats.calls - before.calls).toBe(2);
    expect(callBudget().stats.throttled - before.throttled).toBe(1);
  });
});
