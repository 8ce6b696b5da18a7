import { quotaGauge, type QuotaGauge } from './quota-gauge';
import type { Quota } from './quota-window';
import type { PlanRef } from './series';
import type { UsageReport } from './usage-report';
import { daysBetween } from './utc-days';

/** Who holds a key: portal keys carry the customer's Cognito sub as `customerId`. */
export interface KeyOwner {
  customerId?: string;
  name?: string;
}

export interface PlanReport {
  plan: PlanRef & { quota?: Quota };
  report: UsageReport;
}

export interface Consumer {
  /** The customer's sub, or the key id for a key no customer owns. */
  id: string;
  isCustomer: boolean;
  label: string;
  total: number;
  byPlan: Record<string, number>;
}

export interface NearQuota {
  consumer: Pick<Consumer, 'id' | 'isCustomer' | 'label'>;
  keyId: string;
  plan: PlanRef;
  gauge: QuotaGauge;
}

/** At or above this share of a period's quota, admins see the customer flagged. */
export const nearQuotaPercent = 80;

/**
 * Requests per consumer from `start` to `end` across every plan, busiest first. A customer's
 * keys (a rotated key and its successor) and plans (a tier move) add up to one consumer.
 */
export function consumers(
  reports: readonly PlanReport[],
  owners: Readonly<Record<string, KeyOwner>>,
  start: string,
  end: string,
): Consumer[] {
  const byId = new Map<string, Consumer>();
  for (const { plan, report } of reports) {
    const first = daysBetween(report.startDate, start);
    const last = daysBetween(report.startDate, end);
    for (const [keyId, days] of Object.entries(report.items)) {
      let used = 0;
      for (let index = Math.max(0, first); index <= last; index += 1) used += days[index]?.[0] ?? 0;
      const who = consumerOf(keyId, owners[keyId]);
      const consumer = byId.get(who.id) ?? { ...who, total: 0, byPlan: {} };
      consumer.total += used;
      consumer.byPlan[plan.id] = (consumer.byPlan[plan.id] ?? 0) + used;
      byId.set(who.id, consumer);
    }
  }
  return [...byId.values()].sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
}

/**
 * Keys that have used at least `nearQuotaPercent` of the current period's quota, fullest
 * first. Each report must cover its plan's current period up to today.
 */
export function nearQuota(
  reports: readonly PlanReport[],
  owners: Readonly<Record<string, KeyOwner>>,
  now: number,
): NearQuota[] {
  const found: NearQuota[] = [];
  for (const { plan, report } of reports) {
    if (!plan.quota) continue;
    for (const keyId of Object.keys(report.items)) {
      const gauge = quotaGauge(plan.quota, report, keyId, now);
      if (gauge.used === 0 || gauge.percent < nearQuotaPercent) continue;
      found.push({
        consumer: consumerOf(keyId, owners[keyId]),
        keyId,
        plan: { id: plan.id, name: plan.name },
        gauge,
      });
    }
  }
  return found.sort((a, b) => b.gauge.percent - a.gauge.percent);
}

function consumerOf(keyId: string, owner: KeyOwner | undefined) {
  if (owner?.customerId) {
    return { id: owner.customerId, isCustomer: true, label: owner.customerId };
  }
  return { id: keyId, isCustomer: false, label: owner?.name ? `${owner.name} (${keyId})` : keyId };
}
