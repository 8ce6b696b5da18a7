import { customerKeyRecords } from '../store/read-model-keys';
import { planRecords } from '../store/read-model-plans';
import { saveSweepAt, saveUsageSnapshot } from '../store/usage-snapshots';
import { addDays, utcDay } from '../usage/utc-days';
import type { GatewayDeps } from './deps';
import { fetchPlanUsage } from './usage';

/**
 * Snapshots yesterday's and today's usage of every plan: one GetUsage per plan and 500 keys
 * (paged over keys, never a call per key). Yesterday is taken again because its last requests
 * may have come in after the previous sweep.
 */
export async function sweepUsage(deps: GatewayDeps): Promise<{ plans: number; written: number }> {
  const today = utcDay(deps.now());
  const days = [addDays(today, -1), today];
  const plans = await planRecords(deps);
  let written = 0;
  for (const plan of plans) {
    const items = await fetchPlanUsage(deps.apiGateway, {
      planId: plan.id,
      start: days[0] ?? today,
      end: today,
    });
    written += await saveUsageSnapshot(deps, plan.id, items, days);
  }
  await saveSweepAt(deps, deps.now());
  return { plans: plans.length, written };
}

/**
 * A customer's own refresh: one GetUsage per plan their keys are in, filtered to each key.
 * Callers rate-limit it (lib/usage/refresh).
 */
export async function sweepCustomerUsage(deps: GatewayDeps, sub: string): Promise<number> {
  const today = utcDay(deps.now());
  const days = [addDays(today, -1), today];
  let written = 0;
  for (const key of await customerKeyRecords(deps, sub)) {
    for (const planId of key.planIds) {
      const items = await fetchPlanUsage(deps.apiGateway, {
        planId,
        keyId: key.id,
        start: days[0] ?? today,
        end: today,
      });
      written += await saveUsageSnapshot(deps, planId, items, days);
    }
  }
  return written;
}
