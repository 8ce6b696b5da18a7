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
