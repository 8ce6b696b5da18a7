import 'server-only';
import { keyTagNames } from '../gateway/customer-keys';
import { customerKeyRecords } from '../store/read-model-keys';
import { planRecords } from '../store/read-model-plans';
import { planMetadataFromTags } from '../gateway/plan-tags';
import { customerAudit, type AuditEntry } from '../store/audit';
import { customerRequests, type UpgradeRequest } from '../store/upgrade-requests';
import { customerUsage } from '../usage/customer-usage';
import { parseDateRange } from '../usage/date-range';
import { customerRecord } from '../store/customer-directory';
import { asDirectoryUser } from './customer-lookup';
import type { AdminDeps } from './deps';
import type { DirectoryUser } from './directory-user';

export interface CustomerKeyView {
  id: string;
  enabled: boolean;
  createdAt?: number;
  /** Rotated out: works until this instant, then is disabled. */
  worksUntil?: number;
  disabledReason?: string;
  plans: { id: string; name: string }[];
}

export interface CustomerDetail {
  user: DirectoryUser;
  /** Undefined on a record from before groups were kept, until the next sync fills them. */
  groups?: string[];
  isAdmin: boolean;
  keys: CustomerKeyView[];
  requests: UpgradeRequest[];
  audit: AuditEntry[];
  /** Requests in the last 7 UTC days by plan name; undefined when GetUsage failed. */
  recentUsage?: { total: number; byPlan: { name: string; requests: number }[] };
  /** Every plan an admin can move the customer to. */
  plans: { id: string; name: string; needsApproval: boolean }[];
}

/**
 * One customer for the admin, from the portal's table only (no Cognito, no API Gateway call):
 * the account and its groups from the customer directory, their keys with their plans (read
 * model), requests, audit trail and a week of usage (snapshots).
 */
export async function loadCustomerDetail(
  deps: AdminDeps,
  sub: string,
): Promise<CustomerDetail | undefined> {
  const [record, keys, requests, audit, allPlans, recentUsage] = await Promise.all([
    customerRecord(deps, sub),
    customerKeyRecords(deps, sub),
    customerRequests(deps, sub),
    customerAudit(deps, sub, 100),
    planRecords(deps),
    weekOfUsage(deps, sub),
  ]);
  if (!record) return undefined;
  const planNames = new Map(allPlans.map((plan) => [plan.id, plan.name]));
  const keyViews = keys.map((key): CustomerKeyView => {
    const until = Number(key.tags[keyTagNames.disableAfter]);
    return {
      id: key.id,
      enabled: key.enabled,
      createdAt: key.createdAt,
      worksUntil: Number.isFinite(until) ? until : undefined,
      disabledReason: key.tags[keyTagNames.disabledReason],
      plans: key.planIds.map((id) => ({ id, name: planNames.get(id) ?? id })),
    };
  });
  return {
    user: asDirectoryUser(record),
    groups: record.groups,
    isAdmin: record.isAdmin,
    keys: keyViews,
    requests,
    audit,
    recentUsage,
    plans: allPlans.map((plan) => ({
      id: plan.id,
      name: plan.name,
      needsApproval: planMetadataFromTags(plan.tags).approval === 'manual',
    })),
  };
}

async function weekOfUsage(deps: AdminDeps, sub: string): Promise<CustomerDetail['recentUsage']> {
  const now = deps.now();
  try {
    const { series } = await customerUsage(
      deps,
      sub,
      parseDateRange({ range: '7' }, now).range,
      now,
    );
    return {
      total: series.totals.total,
      byPlan: series.plans.map((plan) => ({
        name: plan.name,
        requests: series.totals.byPlan[plan.id] ?? 0,
      })),
    };
  } catch (error) {
    // The rest of the page is still useful without usage; the cause goes to the server log.
    console.error('[admin] customer usage failed', error);
    return undefined;
  }
}
