import 'server-only';
import type { RecordDeps } from '../store/read-model-keys';
import { planRecords } from '../store/read-model-plans';
import { consumers, nearQuota, type Consumer, type NearQuota, type PlanReport } from './consumers';
import type { DateRange } from './date-range';
import { fetchWindow } from './fetch-window';
import { keyOwners, planUsage } from './get-usage';
import { quotaOf } from './quota-window';
import { dailySeries, type UsageSeries } from './series';

export interface AdminUsage {
  /** Requests per day per plan, every key counted. */
  series: UsageSeries;
  /** Every consumer with requests in the range or keys in a plan, busiest first. */
  consumers: Consumer[];
  nearQuota: NearQuota[];
}

/**
 * Usage across the account: one plan-wide GetUsage per plan (one call per 500 keys), one
 * GetApiKeys per 500 keys to name their owners and the account's plan list (shared with the
 * catalog's cache) — never a call per customer or per day.
 */
export async function adminUsage(
  deps: RecordDeps,
  range: DateRange,
  now: number,
): Promise<AdminUsage> {
  const [plans, owners] = await Promise.all([planRecords(deps), keyOwners(deps)]);
  const reports: PlanReport[] = await Promise.all(
    plans.map(async (plan) => {
      const quota = quotaOf(plan.quota);
      const window = fetchWindow(range, quota, now);
      return {
        plan: { id: plan.id, name: plan.name, quota },
        report: await planUsage(deps, { planId: plan.id, ...window }),
      };
    }),
  );
  return {
    series: dailySeries(reports, range.start, range.end),
    consumers: consumers(reports, owners, range.start, range.end),
    nearQuota: nearQuota(reports, owners, now),
  };
}
