import { loadConfig } from '../../lib/config/load';
import { eventDepsFromConfig } from '../../lib/events/deps-from-config';
import { runOutbox } from '../../lib/events/run-outbox';
import { sweepUsage } from '../../lib/gateway/usage-sweep';
import { sendKeyAgeReminders } from '../../lib/mail/key-reminders';
import { sweepQuotaAlerts } from '../../lib/quota/sweep';

/** Runs `task` every `everyMs`, one run at a time; returns the function that stops it. */
function every(everyMs: number, name: string, task: () => Promise<unknown>) {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    running ??= task()
      .catch((error: unknown) => console.error(`[${name}] run failed`, error))
      .finally(() => (running = undefined));
  }, everyMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/**
 * Local mode's stand-ins for the scheduled functions: the outbox every 2 s (webhooks, mail);
 * every 10 s the usage snapshots (one GetUsage per plan), then the quota alerts that read
 * them; hourly the 90-day key reminders. Returns the function that stops them.
 */
export function startEventIntervals(env: Record<string, string | undefined>) {
  const deps = eventDepsFromConfig(loadConfig(env));
  const stops = [
    every(2000, 'outbox', () => runOutbox(deps, 10_000)),
    every(10_000, 'quota sweep', async () => {
      await sweepUsage(deps);
      await sweepQuotaAlerts(deps);
    }),
    every(60 * 60_000, 'key reminders', () => sendKeyAgeReminders(deps)),
  ];
  return async () => {
    for (const stop of stops) await stop();
  };
}
