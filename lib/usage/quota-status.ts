import { activeKey } from '../gateway/customer-keys';
import { customerKeyRecords, type RecordDeps } from '../store/read-model-keys';
import { planRecords } from '../store/read-model-plans';
import { lastSweepAt } from '../store/usage-snapshots';
import { planUsage } from './get-usage';
import { quotaGauge, type QuotaGauge } from './quota-gauge';
import { periodStart, quotaOf } from './quota-window';
import { utcDay } from './utc-days';

export interface PlanQuotaUsage extends QuotaGauge {
  planId: string;
  planName: string;
  keyId: string;
  /** When the snapshots were taken (ms); undefined before the first sweep. */
  snapshotAt?: number;
}

/**
 * A customer's usage against each quota of the plans their active key is in, from the usage
 * snapshots (no API Gateway call): what quota alerts and gauges compare. Plans without a
 * quota are left out.
 */
export async function customerQuotaUsage(
  deps: RecordDeps,
  sub: string,
  now: number,
): Promise<PlanQuotaUsage[]> {
  const [keys, plans, snapshotAt] = await Promise.all([
    customerKeyRecords(deps, sub),
    planRecords(deps),
    lastSweepAt(deps),
  ]);
  const key = activeKey(keys);
  if (!key) return [];
  const usage: PlanQuotaUsage[] = [];
  for (const plan of plans.filter((candidate) => key.planIds.includes(candidate.id))) {
    const quota = quotaOf(plan.quota);
    if (!quota) continue;
    const report = await planUsage(deps, {
      planId: plan.id,
      keyId: key.id,
      start: utcDay(periodStart(quota, now)),
      end: utcDay(now),
    });
    usage.push({
      planId: plan.id,
      planName: plan.name,
      keyId: key.id,
      snapshotAt,
      ...quotaGauge(quota, report, key.id, now),
    });
  }
  return usage;
}
