import { gatewayDepsFromEnvironment } from '../../lib/gateway/scheduled-deps';
import { defaultKeyGraceMs, type PortalDeps } from '../../lib/portal/deps';
import { applyRepairs } from '../../lib/portal/repairs';
import { sweepRotatedKeys } from './sweep-rotated-keys';

let deps: PortalDeps | undefined;

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
}

/**
 * The scheduled housekeeping Lambda (hourly by default): retires rotated-out keys, then
 * finishes the repairs failed changes left behind. A repair that fails again stays recorded
 * for the next run, so it does not fail the run.
 */
export async function handler(event: ScheduledEvent): Promise<HousekeepingResult> {
  deps ??= { ...gatewayDepsFromEnvironment(), keyGraceMs: defaultKeyGraceMs };
  const swept = await sweepRotatedKeys(deps);
  const repairs = await applyRepairs(deps);
  const result = { ...swept, repairs };
  console.log(JSON.stringify({ task: 'housekeeping', scheduledAt: event.time, ...result }));
  return result;
}
