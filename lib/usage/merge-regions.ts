import type { UsageItems } from '../gateway/types';

/**
 * One plan's usage over the gateways it spans (lib/gateway/plan-links), by home key id. Each
 * Region meters and enforces its own quota, so for each day the requests add up and the
 * remaining allowance is the smallest any Region reports: the figure a customer can rely on
 * everywhere. `homeKeyOf` maps a key copy's id to its home key's (ids it does not know stay).
 */
export function mergeRegionUsage(
  home: UsageItems,
  others: { items: UsageItems; homeKeyOf: (keyId: string) => string | undefined }[],
): UsageItems {
  const merged: UsageItems = Object.fromEntries(
    Object.entries(home).map(([keyId, days]) => [keyId, days.map((pair) => [...pair])]),
  );
  for (const { items, homeKeyOf } of others) {
    for (const [copyId, days] of Object.entries(items)) {
      const keyId = homeKeyOf(copyId) ?? copyId;
      const current = merged[keyId];
      if (!current) {
        merged[keyId] = days.map((pair) => [...pair]);
        continue;
      }
      merged[keyId] = current.map((pair, index) => {
        const other = days[index];
        if (!other) return pair;
        return [(pair[0] ?? 0) + (other[0] ?? 0), Math.min(pair[1] ?? 0, other[1] ?? 0)];
      });
    }
  }
  return merged;
}
