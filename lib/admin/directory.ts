import 'server-only';
import { forgetGatewayLists } from '../gateway/lists';
import { customerRecords, directoryReconciliation } from '../store/customer-directory';
import { allKeyRecords, ownedKeyRecords } from '../store/read-model-keys';
import { planRecords } from '../store/read-model-plans';
import { planUsage } from '../usage/get-usage';
import { addDays, utcDay } from '../usage/utc-days';
import type { AdminDeps } from './deps';
import { lastUsedDays, toKeySummary, toPlanSummary, type Directory } from './directory-model';

/** Days of usage looked at for "last activity" and the hygiene report's unused keys. */
const activityWindowDays = 30;

/**
 * Everything the customers list (`keys: 'owned'`) or the key hygiene report (`'all'`, keys
 * without an owner included) needs, from the portal's table only: accounts from the customer
 * directory records (written when an account is created or changed, reconciled by the sync),
 * keys with their plan memberships and plans from the read model, usage from the snapshots.
 * No Cognito and no API Gateway call.
 */
export async function loadDirectory(
  deps: AdminDeps,
  options: { keys: 'owned' | 'all' },
): Promise<Directory> {
  const end = utcDay(deps.now());
  const start = addDays(end, -(activityWindowDays - 1));
  const [accounts, records, plans, reconciliation] = await Promise.all([
    customerRecords(deps),
    options.keys === 'owned' ? ownedKeyRecords(deps) : allKeyRecords(deps),
    planRecords(deps),
    directoryReconciliation(deps),
  ]);
  const reports = await Promise.all(
    plans.map((plan) => planUsage(deps, { planId: plan.id, start, end })),
  );
  const planKeyIds: Record<string, string[]> = Object.fromEntries(
    plans.map((plan) => [plan.id, []]),
  );
  for (const record of records) {
    for (const planId of record.planIds) planKeyIds[planId]?.push(record.id);
  }
  return {
    users: accounts.map(({ isAdmin: _isAdmin, recordedAt: _recordedAt, ...user }) => user),
    adminSubs: accounts.filter((account) => account.isAdmin).map((account) => account.sub),
    keys: records.map(toKeySummary),
    plans: plans.map(toPlanSummary),
    planKeyIds,
    lastUsedDay: lastUsedDays(reports),
    usageWindow: { start, end },
    reconciledAt: reconciliation?.reconciledAt,
  };
}

/** After an admin change: the public lists a plan change affects. */
export function forgetAdminData(options: { plans?: boolean } = {}): void {
  if (options.plans) forgetGatewayLists();
}
