import { sendKeyAgeReminders } from '../../lib/mail/key-reminders';
import { poolDepsFromEnvironment } from '../../lib/gateway/scheduled-deps';
import { defaultKeyGraceMs, type PortalDeps } from '../../lib/portal/deps';
import { applyRepairs } from '../../lib/portal/repairs';
import { sweepRotatedKeys } from './sweep-rotated-keys';

type HousekeepingDeps = PortalDeps & ReturnType<typeof poolDepsFromEnvironment>;

let deps: HousekeepingDeps | undefined;

/** What an EventBridge schedule rule delivers (the fields the housekeeping logs). */
export interface ScheduledEvent {
  'detail-type': string;
  time: string;
  resources: string[];
}

export interface HousekeepingResult {
  /** Rotated-out keys past their grace period, disabled. */
  customers: number;
  disabled: number;
  /** What failed changes could not undo (lib/portal/undo), finished now or left for later. */
  repairs: { done: number; left: number };
  /** Customers mailed (through the outbox) that their key is over 90 days old. */
  reminded: number;
}

/**
 * The scheduled housekeeping Lambda (hourly by default): retires rotated-out keys, finishes
 * the repairs failed changes left behind (one that fails again stays recorded for the next
 * run), then sends the 90-day key reminders (each key once per 90 days, however often this
 * runs).
 */
export async function handler(event: ScheduledEvent): Promise<HousekeepingResult> {
  deps ??= { ...poolDepsFromEnvironment(), keyGraceMs: defaultKeyGraceMs };
  const swept = await sweepRotatedKeys(deps);
  const repairs = await applyRepairs(deps);
  const { reminded } = await sendKeyAgeReminders(deps);
  const result = { ...swept, repairs, reminded };
  console.log(JSON.stringify({ task: 'housekeeping', scheduledAt: event.time, ...result }));
  return result;
}
