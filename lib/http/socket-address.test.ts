import { once } from 'node:events';
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { socketAddressHeader, stampSocketAddresses } from './socket-address';

describe('stampSocketAddresses', () => {
  it("replaces a client's own claim with the connection's address", async () => {
    stampSocketAddresses();
    let seen: IncomingHttpHeaders = {};
    const server = createServer((incoming, answer) => {
      seen = incoming.headers;
      answer.end('ok');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve, reject) => {
      request(
        {
          port,
          host: '127.0.0.1',
          headers: { [socketAddressHeader]: '6.6.6.6', 'x-forwarded-for': '6.6.6.6' },
        },
        (answer) => answer.resume().on('end', resolve),
      )
        .on('error', reject)
        .end();
    });
    server.close();
    expect(seen[socketAddressHeader]).toBe('127.0.0.1');
    expect(seen['x-forwarded-for']).toBe('6.6.6.6');
  });
});
