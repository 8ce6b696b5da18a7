import 'server-only';
import type { GatewayClient } from '../gateway/client';
import { gatewayCache } from '../gateway/cache';
import { listKeys } from '../gateway/keys';
import { listUsagePlans } from '../gateway/lists';
import type { GatewayPlan } from '../gateway/types';
import { fetchPlanUsage, type UsageQuery } from '../gateway/usage';
import type { KeyOwner } from './consumers';
import { usageReportSchema, type UsageReport } from './usage-report';

export type { UsageQuery } from '../gateway/usage';

/** Usage moves with every request, so it is cached for a minute, not the catalog's lifetime. */
export const usageCacheTtlMs = 60_000;

/** One plan's GetUsage for a range (one call per 500 keys), cached for a minute. */
export function planUsage(client: GatewayClient, query: UsageQuery): Promise<UsageReport> {
  const cacheKey = `usage:report:${query.planId}:${query.start}:${query.end}:${query.keyId ?? '*'}`;
  return gatewayCache.get(cacheKey, usageCacheTtlMs, async () =>
    usageReportSchema.parse({
      usagePlanId: query.planId,
      startDate: query.start,
      endDate: query.end,
      items: await fetchPlanUsage(client, query),
    }),
  );
}

/**
 * Every usage plan in the account. Shares its cache entry with the catalog's list
 * (`lib/gateway/lists.ts`), so a portal that has served a public page pays nothing here.
 */
export function accountPlans(client: GatewayClient): Promise<GatewayPlan[]> {
  return listUsagePlans(client);
}

/** Who holds each key in the account: one call per 500 keys, for the admin view only. */
export function keyOwners(client: GatewayClient): Promise<Record<string, KeyOwner>> {
  return gatewayCache.get('usage:key-owners', usageCacheTtlMs, async () => {
    const keys = await listKeys(client);
    return Object.fromEntries(
      keys.map((key) => [key.id, { customerId: key.customerId, name: key.name }]),
    );
  });
}
