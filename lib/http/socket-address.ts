import { Server, type IncomingMessage } from 'node:http';

/**
 * Next.js does not hand route handlers or server actions the connection's address, and keeps
 * an `x-forwarded-for` the client sent as it is. So the Node server stamps every incoming
 * request with the socket's address under this header, replacing any value the client sent;
 * `clientIp` reads it when no trusted proxy is configured.
 */
export const socketAddressHeader = 'x-portico-socket-address';

let installed = false;

/** Called once from instrumentation.ts in the Node.js runtime. */
export function stampSocketAddresses(): void {
  if (installed) return;
  installed = true;
  const emit = Server.prototype.emit;
  Server.prototype.emit = function stamped(
    this: Server,
    event: string | symbol,
    ...args: unknown[]
  ) {
    if (event === 'request') stamp(args[0] as IncomingMessage);
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}

export function stamp(request: IncomingMessage): void {
  const address = request.socket?.remoteAddress;
  if (address) request.headers[socketAddressHeader] = address;
  else delete request.headers[socketAddressHeader];
}
