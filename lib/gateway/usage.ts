import { GetUsageCommand } from '@aws-sdk/client-api-gateway';
import type { GatewayClient } from './client';
import type { UsageItems } from './types';

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
export async function fetchPlanUsage(
  client: GatewayClient,
  query: UsageQuery,
): Promise<UsageItems> {
  const items: UsageItems = {};
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
  return items;
}
