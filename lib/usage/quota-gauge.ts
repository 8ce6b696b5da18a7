import { nextPeriodStart, periodStart, type Quota } from './quota-window';
import type { UsageReport } from './usage-report';
import { daysBetween, utcDay } from './utc-days';

export interface QuotaGauge {
  limit: number;
  used: number;
  remaining: number;
  /** Share of this period's allowance used, 0–100 (the allowance counts any UpdateUsage grant). */
  percent: number;
  /** First UTC day of the current period. */
  periodStart: string;
  /** When the quota resets: an ISO timestamp in UTC. */
  resetsAt: string;
}

/**
 * The current quota period of one key in one plan. `used` adds the key's requests from the
 * period's first UTC day to today; `remaining` is today's figure from GetUsage when the report
 * has it (it includes grants made with UpdateUsage), else the limit less what was used. The
 * report must cover the period's start to today; days it lacks count as zero.
 */
export function quotaGauge(
  quota: Quota,
  report: UsageReport,
  keyId: string,
  now: number,
): QuotaGauge {
  const start = periodStart(quota, now);
  const today = utcDay(now);
  const days = report.items[keyId] ?? [];
  const first = daysBetween(report.startDate, utcDay(start));
  const last = daysBetween(report.startDate, today);
  let used = 0;
  for (let index = Math.max(0, first); index <= last; index += 1) used += days[index]?.[0] ?? 0;
  const reported = days[last]?.[1];
  const remaining = reported ?? Math.max(0, quota.limit - used);
  const allowance = used + remaining;
  return {
    limit: quota.limit,
    used,
    remaining,
    percent: allowance === 0 ? 100 : Math.min(100, (used / allowance) * 100),
    periodStart: utcDay(start),
    resetsAt: new Date(nextPeriodStart(quota, now)).toISOString(),
  };
}
