import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventDepsFromConfig } from '../events/deps-from-config';
import type { EventDeps } from '../events/deps';
import { stackConfig } from './stack';

/** The outbox worker's dependencies on the integration tests' local stack. */
export function testEventDeps(overrides: Partial<EventDeps> = {}): EventDeps {
  return { ...eventDepsFromConfig(stackConfig()), ...overrides };
}

/** A clock the test moves by hand (backoff and the 24 h windows). */
export function manualClock(start = Date.now()) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

export interface ReceivedHook {
  path: string;
  headers: Record<string, string | undefined>;
  body: string;
}

/** A webhook receiver on loopback that answers `status()` and keeps what it received. */
export async function startReceiver(status: () => number = () => 200) {
  const received: ReceivedHook[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: flat(request.headers), body });
      response.writeHead(status()).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const flat = (headers: IncomingHttpHeaders) =>
  Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : value,
    ]),
  );

/** The mails the local inbox (MailDev) holds for one address, through its REST API. */
export async function inboxFor(
  address: string,
): Promise<{ subject: string; text: string; html: string }[]> {
  const inbox = stackConfig().inboxUrl;
  if (!inbox) throw new Error('The local stack has no inbox.');
  const mails = (await (await fetch(`${inbox}/email`)).json()) as {
    subject: string;
    text: string;
    html: string;
    to: { address: string }[];
  }[];
  return mails.filter((mail) => mail.to.some((to) => to.address === address));
}
