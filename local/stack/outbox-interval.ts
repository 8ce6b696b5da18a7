import { loadConfig } from '../../lib/config/load';
import { eventDepsFromConfig } from '../../lib/events/deps-from-config';
import { runOutbox } from '../../lib/events/run-outbox';

/**
 * Local mode's stand-in for the scheduled outbox Lambda: every two seconds, deliver what is
 * due (one run at a time). Returns the function that stops it.
 */
export function startOutboxInterval(env: Record<string, string | undefined>, everyMs = 2000) {
  const deps = eventDepsFromConfig(loadConfig(env));
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    running ??= runOutbox(deps, 10_000)
      .catch((error: unknown) => console.error('[outbox] run failed', error))
      .finally(() => (running = undefined));
  }, everyMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
