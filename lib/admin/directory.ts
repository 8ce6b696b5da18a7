import 'server-only';
import { forgetGatewayLists } from '../gateway/lists';
import { allKeyRecords } from '../store/read-model-keys';
import { planRecords } from '../store/read-model-plans';
import { planUsage } from '../usage/get-usage';
import { addDays, utcDay } from '../usage/utc-days';
import { listAdmins, listAllUsers } from './cognito-users';
import type { AdminDeps } from './deps';
import { lastUsedDays, toKeySummary, toPlanSummary, type Directory } from './directory-model';

/** Days of usage looked at for "last activity" and the hygiene report's unused keys. */
const activityWindowDays = 30;

/**
 * Everything the customers list needs, whatever the number of customers: ListUsers per 60
 * users and ListUsersInGroup per 60 admins (Cognito, read every time, so a new account shows
 * at once); keys, plan memberships, plans and usage from the read model and the usage
 * snapshots (DynamoDB). No API Gateway call.
 */
export async function loadDirectory(deps: AdminDeps): Promise<Directory> {
  const end = utcDay(deps.now());
  const start = addDays(end, -(activityWindowDays - 1));
  const [users, admins, records, plans] = await Promise.all([
    listAllUsers(deps),
    listAdmins(deps),
    allKeyRecords(deps),
    planRecords(deps),
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
    users,
    adminSubs: admins.map((admin) => admin.sub),
    keys: records.map(toKeySummary),
    plans: plans.map(toPlanSummary),
    planKeyIds,
    lastUsedDay: lastUsedDays(reports),
    usageWindow: { start, end },
  };
}

/** After an admin change: the public lists a plan change affects. */
export function forgetAdminData(options: { plans?: boolean } = {}): void {
  if (options.plans) forgetGatewayLists();
}
