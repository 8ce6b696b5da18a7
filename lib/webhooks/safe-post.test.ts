import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safePost } from './safe-post';

let server: Server;
let base: string;
const received: { headers: Record<string, unknown>; body: string }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      if (request.url === '/redirect') {
        response.writeHead(302, { location: 'http://169.254.169.254/' }).end();
      } else if (request.url === '/after-60ms') {
        setTimeout(() => response.writeHead(204).end(), 60);
      } else if (request.url === '/slow') {
        setTimeout(() => response.writeHead(200).end(), 500);
      } else {
        response.writeHead(204).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const local = { allowLoopbackHttp: true };

describe('safePost', () => {
  it('posts the body and headers and reports status and latency', async () => {
    const outcome = await safePost(
      `${base}/after-60ms`,
      { 'webhook-id': 'msg_1' },
      '{"a":1}',
      local,
    );
    expect(outcome.status).toBe(204);
    // A lower bound only: a busy machine makes the answer slower, never faster.
    expect(outcome.latencyMs).toBeGreaterThanOrEqual(50);
    expect(received.at(-1)).toMatchObject({ body: '{"a":1}', headers: { 'webhook-id': 'msg_1' } });
  });

  it('does not follow redirects', async () => {
    const outcome = await safePost(`${base}/redirect`, {}, '{}', local);
    expect(outcome.status).toBe(302);
  });

  it('gives up after the timeout', async () => {
    const outcome = await safePost(`${base}/slow`, {}, '{}', local, 100);
    expect(outcome.status).toBeUndefined();
    expect(outcome.error).toBe('No answer within 0.1 s.');
  });

  it('refuses loopback after DNS resolution when the policy does not allow it', async () => {
    const count = received.length;
    const outcome = await safePost(`https://localhost.localdomain/x`, {}, '{}', {
      allowLoopbackHttp: false,
    });
    expect(outcome.status).toBeUndefined();
    expect(outcome.error).toMatch(/loopback address|Could not connect/);
    expect(received).toHaveLength(count);
  });

  it('refuses a bad URL before any connection', async () => {
    expect(await safePost('https://10.0.0.1/', {}, '{}', local)).toEqual({
      latencyMs: 0,
      error: '10.0.0.1 is a private, link-local, metadata or reserved address.',
    });
  });
});
