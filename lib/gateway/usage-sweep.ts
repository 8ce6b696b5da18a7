import { customerKeyRecords, gatewayKeyRecords, type KeyRecord } from '../store/read-model-keys';
import { planRecords } from '../store/read-model-plans';
import { saveSweepAt, saveUsageSnapshot } from '../store/usage-snapshots';
import { mergeRegionUsage } from '../usage/merge-regions';
import { addDays, utcDay } from '../usage/utc-days';
import type { GatewayDeps } from './deps';
import { orUndefinedIfMissing } from './errors';
import { copyOfTag } from './key-copies';
import { peerOf } from './peers';
import type { GatewayPlan, UsageItems } from './types';
import { fetchPlanUsage } from './usage';

/** The recorded key copies of every other gateway, by gateway: whose home key each one is. */
async function copiesByGateway(deps: GatewayDeps): Promise<Map<string, KeyRecord[]>> {
  const copies = new Map<string, KeyRecord[]>();
  for (const peer of deps.peers ?? []) copies.set(peer.id, await gatewayKeyRecords(deps, peer.id));
  return copies;
}

/**
 * A plan's usage in every gateway it spans, merged under its home key ids: one GetUsage per
 * gateway (per 500 keys), or, for one key, one per gateway where the key has a copy.
 */
async function spanningUsage(
  deps: GatewayDeps,
  plan: GatewayPlan,
  home: UsageItems,
  range: { start: string; end: string; keyId?: string },
  copies: Map<string, KeyRecord[]>,
): Promise<UsageItems> {
  if (!plan.linked?.length) return home;
  const others = [];
  for (const link of plan.linked) {
    const records = copies.get(link.gateway) ?? [];
    const homeOf = new Map(records.map((record) => [record.id, record.tags[copyOfTag]]));
    const copyId = range.keyId
      ? records.find((record) => record.tags[copyOfTag] === range.keyId)?.id
      : undefined;
    if (range.keyId && !copyId) continue;
    const items = await fetchPlanUsage(peerOf(deps, link.gateway).client, {
      planId: link.id,
      start: range.start,
      end: range.end,
      ...(copyId ? { keyId: copyId } : {}),
    });
    others.push({ items, homeKeyOf: (id: string) => homeOf.get(id) });
  }
  return mergeRegionUsage(home, others);
}

/**
 * Snapshots yesterday's and today's usage of every plan: one GetUsage per plan and 500 keys
 * (paged over keys, never a call per key), in each gateway the plan spans, merged under the
 * home keys. Yesterday is taken again because its last requests may have come in after the
 * previous sweep.
 */
export async function sweepUsage(deps: GatewayDeps): Promise<{ plans: number; written: number }> {
  const today = utcDay(deps.now());
  const days = [addDays(today, -1), today];
  const plans = await planRecords(deps);
  const copies = await copiesByGateway(deps);
  const range = { start: days[0] ?? today, end: today };
  let written = 0;
  for (const plan of plans) {
    // A plan deleted outside the portal keeps its record until the next sync: skip it, so the
    // other plans' snapshots (and the quota alerts read from them) stay current meanwhile.
    const items = await orUndefinedIfMissing(
      fetchPlanUsage(deps.apiGateway, { planId: plan.id, ...range }),
    );
    if (!items) continue;
    const merged = await spanningUsage(deps, plan, items, range, copies);
    written += await saveUsageSnapshot(deps, plan.id, merged, days);
  }
  await saveSweepAt(deps, deps.now());
  return { plans: plans.length, written };
}

/**
 * A customer's own refresh: one GetUsage per plan their keys are in, filtered to each key.
 * Callers rate-limit it (lib/usage/refresh).
 */
export async function sweepCustomerUsage(deps: GatewayDeps, sub: string): Promise<number> {
  const today = utcDay(deps.now());
  const days = [addDays(today, -1), today];
  const range = { start: days[0] ?? today, end: today };
  const [keys, plans, copies] = await Promise.all([
    customerKeyRecords(deps, sub),
    deps.peers?.length ? planRecords(deps) : Promise.resolve([]),
    copiesByGateway(deps),
  ]);
  let written = 0;
  for (const key of keys) {
    for (const planId of key.planIds) {
      const items = await fetchPlanUsage(deps.apiGateway, { planId, keyId: key.id, ...range });
      const plan = plans.find((each) => each.id === planId);
      const merged = plan
        ? await spanningUsage(deps, plan, items, { ...range, keyId: key.id }, copies)
        : items;
      written += await saveUsageSnapshot(deps, planId, merged, days);
    }
  }
  return written;
}
