import { customerKeyName, keyTagNames } from '../gateway/customer-keys';
import type { GatewayKey, GatewayPlan } from '../gateway/types';
import { addDays } from '../usage/utc-days';
import type { DirectoryUser } from './directory-user';

/** An API key without its value, as the admin lists need it. */
export interface KeySummary {
  id: string;
  name: string;
  customerId?: string;
  enabled: boolean;
  createdAt?: number;
  /** A rotated-out key in its grace period. */
  rotatingOut: boolean;
  /** One of the portal's own customer keys (named after its owner's sub). */
  portalKey: boolean;
}

export interface PlanSummary {
  id: string;
  name: string;
  stages: string[];
}

/** Everything the customers list and the hygiene report are built from, fetched in batches. */
export interface Directory {
  users: DirectoryUser[];
  adminSubs: string[];
  keys: KeySummary[];
  plans: PlanSummary[];
  /** Key ids per plan id. */
  planKeyIds: Record<string, string[]>;
  /** The last UTC day each key made a request, within `usageWindow` only. */
  lastUsedDay: Record<string, string>;
  usageWindow: { start: string; end: string };
  /**
   * When the accounts were last reconciled with the whole user pool (by the sync); undefined
   * until the first time, when an account without a record may still exist (see hygiene.ts).
   */
  reconciledAt?: number;
}

export function toKeySummary(key: GatewayKey): KeySummary {
  const customerId = key.customerId;
  return {
    id: key.id,
    name: key.name,
    customerId,
    enabled: key.enabled,
    createdAt: key.createdAt,
    rotatingOut: Boolean(key.tags[keyTagNames.disableAfter]),
    portalKey: customerId !== undefined && key.name === customerKeyName(customerId),
  };
}

export function toPlanSummary(plan: GatewayPlan): PlanSummary {
  return {
    id: plan.id,
    name: plan.name,
    stages: plan.apiStages.map((stage) => `${stage.apiId}:${stage.stage}`),
  };
}

/** The last day with requests for each key, from GetUsage reports (`[used, remaining]` per day). */
export function lastUsedDays(
  reports: { startDate: string; items: Record<string, number[][]> }[],
): Record<string, string> {
  const last: Record<string, string> = {};
  for (const report of reports) {
    for (const [keyId, days] of Object.entries(report.items)) {
      const index = days.findLastIndex((day) => (day?.[0] ?? 0) > 0);
      if (index < 0) continue;
      const day = addDays(report.startDate, index);
      if (!last[keyId] || last[keyId] < day) last[keyId] = day;
    }
  }
  return last;
}
