import 'server-only';
import { portalDeps } from '../portal/server-deps';
import { adminUsage, type AdminUsage } from './admin-usage';
import { customerUsage, type CustomerUsage } from './customer-usage';
import { lastRefreshAt, lastSweepAt } from '../store/usage-snapshots';
import { parseDateRange, type DateRange } from './date-range';
import type { SearchParams } from './search-params';

export interface UsagePageData<T> {
  range: DateRange;
  /** Why the requested range was not used (the page shows the fallback range instead). */
  rangeError?: string;
  /** Undefined when the read failed: the page shows its error state. */
  usage?: T;
  now: number;
  /** When the usage snapshots were taken (ms), for "updated … ago". */
  snapshotAt?: number;
}

async function load<T>(
  params: SearchParams,
  read: (range: DateRange, now: number) => Promise<T>,
  sub?: string,
): Promise<UsagePageData<T>> {
  const now = Date.now();
  const parsed = parseDateRange(params, now);
  const rangeError = parsed.ok ? undefined : parsed.error;
  try {
    const [usage, sweptAt, refreshedAt] = await Promise.all([
      read(parsed.range, now),
      lastSweepAt(portalDeps()),
      sub ? lastRefreshAt(portalDeps(), sub) : undefined,
    ]);
    const snapshotAt = Math.max(sweptAt ?? 0, refreshedAt ?? 0) || undefined;
    return { range: parsed.range, rangeError, usage, now, snapshotAt };
  } catch (error) {
    // The page still renders its header and range picker; the cause goes to the server log.
    console.error('usage: reading the snapshots failed', error);
    return { range: parsed.range, rangeError, now };
  }
}

/**
 * A customer's usage page, for the customer themself or an admin looking at them: the
 * snapshots only (the customer refreshes them with refreshUsageAction).
 */
export function customerUsagePage(
  sub: string,
  params: SearchParams,
): Promise<UsagePageData<CustomerUsage>> {
  return load(params, (range, now) => customerUsage(portalDeps(), sub, range, now), sub);
}

export function adminUsagePage(params: SearchParams): Promise<UsagePageData<AdminUsage>> {
  return load(params, (range, now) => adminUsage(portalDeps(), range, now));
}
