import 'server-only';
import {
  GetApiKeysCommand,
  GetUsageCommand,
  GetUsagePlansCommand,
  type APIGatewayClient,
  type UsagePlan,
} from '@aws-sdk/client-api-gateway';
import { gatewayCache, gatewayCacheTtlMs } from '../gateway/cache';
import { allPages } from '../gateway/pagination';
import type { KeyOwner } from './consumers';
import { usageReportSchema, type UsageReport } from './usage-report';

/** Usage moves with every request, so it is cached for a minute, not the catalog's lifetime. */
export const usageCacheTtlMs = 60_000;

export interface UsageQuery {
  planId: string;
  /** First and last UTC day, `YYYY-MM-DD`, both included. */
  start: string;
  end: string;
  /** One key's usage only; the whole plan (every key, paged) without it. */
  keyId?: string;
}

/**
 * One plan's GetUsage for a range: a single call per 500 keys, following `position`, whatever
 * the number of days. Pages are over keys, so merging them is a union of `items`.
 */
export function planUsage(client: APIGatewayClient, query: UsageQuery): Promise<UsageReport> {
  const cacheKey = `usage:report:${query.planId}:${query.start}:${query.end}:${query.keyId ?? '*'}`;
  return gatewayCache.get(cacheKey, usageCacheTtlMs, async () => {
    const items: Record<string, number[][]> = {};
    let position: string | undefined;
    do {
      const page = await client.send(
        new GetUsageCommand({
          usagePlanId: query.planId,
          startDate: query.start,
          endDate: query.end,
          keyId: query.keyId,
          limit: 500,
          position,
        }),
      );
      Object.assign(items, page.items);
      position = page.position || undefined;
    } while (position);
    return usageReportSchema.parse({
      usagePlanId: query.planId,
      startDate: query.start,
      endDate: query.end,
      items,
    });
  });
}

/**
 * Every usage plan in the account. Shares its cache entry with the catalog's list
 * (`lib/gateway/lists.ts`), so a portal that has served a public page pays nothing here.
 */
export function accountPlans(client: APIGatewayClient): Promise<UsagePlan[]> {
  return gatewayCache.get('list:usage-plans', gatewayCacheTtlMs(), () =>
    allPages((position) => client.send(new GetUsagePlansCommand({ limit: 500, position }))),
  );
}

/** Who holds each key in the account: one call per 500 keys, for the admin view only. */
export function keyOwners(client: APIGatewayClient): Promise<Record<string, KeyOwner>> {
  return gatewayCache.get('usage:key-owners', usageCacheTtlMs, async () => {
    const keys = await allPages((position) =>
      client.send(new GetApiKeysCommand({ limit: 500, position })),
    );
    return Object.fromEntries(
      keys
        .filter((key) => key.id)
        .map((key) => [key.id, { customerId: key.customerId || undefined, name: key.name }]),
    );
  });
}
