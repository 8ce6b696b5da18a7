import 'server-only';
import { gatewayCache } from '../gateway/cache';
import { listKeys } from '../gateway/keys';
import { fetchPlans, planKeyIds } from '../gateway/usage-plans';
import { planUsage } from '../usage/get-usage';
import { addDays, utcDay } from '../usage/utc-days';
import { listAdmins, listAllUsers } from './cognito-users';
import type { AdminDeps } from './deps';
import { lastUsedDays, toKeySummary, toPlanSummary, type Directory } from './directory-model';

/** Days of usage looked at for "last activity" and the hygiene report's unused keys. */
const activityWindowDays = 30;

/**
 * Everything the customers list needs, in batches whatever the number of customers: ListUsers
 * per 60 users and ListUsersInGroup per 60 admins (Cognito); GetApiKeys per 500 keys,
 * GetUsagePlans per 500 plans, and per plan GetUsagePlanKeys and GetUsage per 500 keys
 * (API Gateway). Never a call per customer or per key.
 */
export async function loadDirectory(deps: AdminDeps): Promise<Directory> {
  const client = deps.apiGateway;
  const end = utcDay(deps.now());
  const start = addDays(end, -(activityWindowDays - 1));
  // Each plan's calls start as soon as the plan list is in, beside the (longer) key listing.
  const perPlan = fetchPlans(client).then((rawPlans) =>
    Promise.all(
      rawPlans.map(toPlanSummary).map(async (plan) => {
        const [keyIds, report] = await Promise.all([
          planKeyIds(client, plan.id),
          planUsage(client, { planId: plan.id, start, end }),
        ]);
        return { plan, keyIds, report };
      }),
    ),
  );
  const [users, admins, rawKeys, plans] = await Promise.all([
    listAllUsers(deps),
    listAdmins(deps),
    listKeys(client),
    perPlan,
  ]);
  const keys = rawKeys.map(toKeySummary);
  return {
    users,
    adminSubs: admins.map((admin) => admin.sub),
    keys,
    plans: plans.map(({ plan }) => plan),
    planKeyIds: Object.fromEntries(plans.map(({ plan, keyIds }) => [plan.id, keyIds])),
    lastUsedDay: lastUsedDays(plans.map(({ report }) => report)),
    usageWindow: { start, end },
  };
}

/** Admin data is cached briefly and dropped by every admin change (`forgetAdminData`). */
const directoryTtlMs = 60_000;

export function cachedDirectory(deps: AdminDeps): Promise<Directory> {
  return gatewayCache.get('admin:directory', directoryTtlMs, () => loadDirectory(deps));
}

/** After an admin change: the directory, and the public lists a plan change affects. */
export function forgetAdminData(options: { plans?: boolean } = {}): void {
  gatewayCache.invalidate('admin:');
  gatewayCache.invalidate('usage:key-owners');
  if (options.plans) gatewayCache.invalidate('list:');
}
