import 'server-only';
import { activeKey } from '../gateway/customer-keys';
import type { ApiStage, GatewayPlan } from '../gateway/types';
import type { DateRange } from './date-range';
import { fetchWindow } from './fetch-window';
import { customerKeyRecords, type RecordDeps } from '../store/read-model-keys';
import { planRecords } from '../store/read-model-plans';
import { planUsage } from './get-usage';
import { quotaGauge, type QuotaGauge } from './quota-gauge';
import { quotaOf, type Quota } from './quota-window';
import { dailySeries, type ReportInput, type UsageSeries } from './series';

export interface CustomerPlanUsage {
  id: string;
  name: string;
  /** The customer's key is in this plan now; otherwise it was earlier in the range. */
  current: boolean;
  throttle?: { rateLimit?: number; burstLimit?: number };
  quota?: Quota;
  /** The active key's current quota period, for current plans with a quota. */
  gauge?: QuotaGauge;
}

export interface CustomerUsage {
  hasKey: boolean;
  plans: CustomerPlanUsage[];
  series: UsageSeries;
}

/**
 * A customer's usage in a range, by plan, from the read model and the usage snapshots (no API
 * Gateway call): their keys, their current plans and every plan covering a stage of those —
 * the tiers they can have moved from.
 */
export async function customerUsage(
  deps: RecordDeps,
  sub: string,
  range: DateRange,
  now: number,
): Promise<CustomerUsage> {
  const [keys, all] = await Promise.all([customerKeyRecords(deps, sub), planRecords(deps)]);
  if (keys.length === 0)
    return { hasKey: false, plans: [], series: dailySeries([], range.start, range.end) };
  const keyIds = keys.map((key) => key.id);
  const active = activeKey(keys)?.id;

  const currentIds = new Set(keys.flatMap((key) => key.planIds));
  const candidates = candidatePlans(
    all.filter((plan) => currentIds.has(plan.id)),
    all,
  );

  const reports = await Promise.all(
    candidates.flatMap((plan) => {
      const quota = currentIds.has(plan.id) ? quotaOf(plan.quota) : undefined;
      const window = fetchWindow(range, quota, now);
      return keyIds.map(async (keyId) => ({
        plan,
        keyId,
        report: await planUsage(deps, { planId: plan.id, keyId, ...window }),
      }));
    }),
  );

  const inputs: ReportInput[] = reports.map(({ plan, keyId, report }) => ({
    plan: { id: plan.id, name: plan.name },
    report,
    keyIds: [keyId],
  }));
  const full = dailySeries(inputs, range.start, range.end);
  // A plan the customer is no longer in is worth showing only if they used it in the range.
  const shown = candidates.filter(
    (plan) => currentIds.has(plan.id) || (full.totals.byPlan[plan.id] ?? 0) > 0,
  );
  const shownIds = new Set(shown.map((plan) => plan.id));
  const series = dailySeries(
    inputs.filter((input) => shownIds.has(input.plan.id)),
    range.start,
    range.end,
  );

  return {
    hasKey: true,
    series,
    plans: shown.map((plan) => {
      const quota = quotaOf(plan.quota);
      const activeReport = reports.find(
        (entry) => entry.plan.id === plan.id && entry.keyId === active,
      );
      const isCurrent = currentIds.has(plan.id);
      return {
        id: plan.id,
        name: plan.name,
        current: isCurrent,
        throttle: plan.throttle,
        quota,
        gauge:
          isCurrent && quota && active && activeReport
            ? quotaGauge(quota, activeReport.report, active, now)
            : undefined,
      };
    }),
  };
}

/**
 * The customer's current plans, then every other plan
 * covering one of their stages: API Gateway allows a key in one plan per stage, so a tier move
 * is a move between such plans.
 */
function candidatePlans(current: GatewayPlan[], all: GatewayPlan[]): GatewayPlan[] {
  const currentById = new Map(current.map((plan) => [plan.id, plan]));
  const stageKey = (stage: ApiStage) => `${stage.apiId}:${stage.stage}`;
  const stages = new Set(current.flatMap((plan) => plan.apiStages.map(stageKey)));
  const siblings = all.filter(
    (plan) =>
      !currentById.has(plan.id) && plan.apiStages.some((stage) => stages.has(stageKey(stage))),
  );
  return [...currentById.values(), ...siblings];
}
