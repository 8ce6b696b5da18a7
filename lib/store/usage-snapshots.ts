import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { UsageItems } from '../gateway/types';
import type { RecordDeps } from './read-model-keys';

/**
 * Daily usage snapshots, kept longer than API Gateway keeps usage (13 months by default; the
 * table's TTL attribute `ttl` removes older ones). One item per key, plan and month
 * (`USAGE#{key}` / `{plan}#{YYYY-MM}`) holds `[used, remaining]` per day in attributes
 * `d01`…`d31`, so a sweep updates a day without reading first; gsi1 groups a plan's month for
 * the admin views. Only keys with requests are stored: a day without a snapshot had none.
 *
 * A month's item is written only when one of its days changed: most keys' numbers are the same
 * from one sweep to the next (yesterday is settled, idle keys stay idle), and a write costs an
 * item and an index write where reading a plan's month back costs a fraction of one. How fresh
 * the numbers are is the sweep's own marker (`lastSweepAt`, `lastRefreshAt`), which every sweep
 * writes: an item left alone was checked then and found the same. `changedAt` on the item is
 * when its numbers last changed.
 */
export const snapshotRetentionMonths = 13;

const month = (day: string) => day.slice(0, 7);
const dayAttribute = (day: string) => `d${day.slice(8, 10)}`;
const itemKey = (keyId: string, planId: string, yyyyMm: string) => ({
  pk: `USAGE#${keyId}`,
  sk: `${planId}#${yyyyMm}`,
});

/** Epoch seconds when DynamoDB may drop a month's item. */
function expiry(yyyyMm: string): number {
  const [year, monthIndex] = yyyyMm.split('-').map(Number);
  return Math.floor(Date.UTC(year ?? 1970, (monthIndex ?? 1) + snapshotRetentionMonths, 1) / 1000);
}

const samePair = (a: [number, number] | undefined, b: [number, number]) =>
  a !== undefined && a[0] === b[0] && a[1] === b[1];

/** What is stored now for the keys about to be written: one key's items, or the plan's month. */
function storedSnapshot(deps: RecordDeps, planId: string, keyIds: string[], days: string[]) {
  const [only] = keyIds;
  if (keyIds.length === 1 && only)
    return keySnapshot(deps, only, planId, days).then((pairs) => ({ [only]: pairs }));
  return planSnapshot(deps, planId, days);
}

/**
 * Records one GetUsage answer (a pair per day of `days`) for the keys with requests in it,
 * writing only the months whose pairs differ from what is stored; returns the items written.
 */
export async function saveUsageSnapshot(
  deps: RecordDeps,
  planId: string,
  items: UsageItems,
  days: string[],
): Promise<number> {
  const active = Object.entries(items).filter(([, values]) =>
    values.some((pair) => (pair[0] ?? 0) > 0),
  );
  if (active.length === 0) return 0;
  const stored = await storedSnapshot(
    deps,
    planId,
    active.map(([keyId]) => keyId),
    days,
  );
  const byMonth = new Map<string, string[]>();
  days.forEach((day) => byMonth.set(month(day), [...(byMonth.get(month(day)) ?? []), day]));
  let written = 0;
  for (const [keyId, values] of active) {
    const pairOf = (day: string): [number, number] => {
      const pair = values[days.indexOf(day)] ?? [0, 0];
      return [pair[0] ?? 0, pair[1] ?? 0];
    };
    for (const [yyyyMm, monthDays] of byMonth) {
      const unchanged = monthDays.every((day) =>
        samePair(stored[keyId]?.[days.indexOf(day)], pairOf(day)),
      );
      if (unchanged) continue;
      const names: Record<string, string> = {};
      const attributeValues: Record<string, unknown> = {
        ':at': deps.now(),
        ':ttl': expiry(yyyyMm),
        ':gpk': `USAGE#${planId}#${yyyyMm}`,
        ':gsk': keyId,
      };
      const sets = monthDays.map((day, index) => {
        names[`#d${index}`] = dayAttribute(day);
        attributeValues[`:d${index}`] = pairOf(day);
        return `#d${index} = :d${index}`;
      });
      await deps.dynamo.send(
        new UpdateCommand({
          TableName: deps.tableName,
          Key: itemKey(keyId, planId, yyyyMm),
          // sweptAt was the last sweep's time on every item; the sweep markers say that now.
          UpdateExpression: `SET ${sets.join(', ')}, changedAt = :at, #ttl = :ttl, gsi1pk = :gpk, gsi1sk = :gsk REMOVE sweptAt`,
          ExpressionAttributeNames: { ...names, '#ttl': 'ttl' },
          ExpressionAttributeValues: attributeValues,
        }),
      );
      written += 1;
    }
  }
  return written;
}

const pairSchema = z.tuple([z.number(), z.number()]);

function addDaysOf(
  item: Record<string, unknown>,
  days: string[],
  into: (index: number, pair: [number, number]) => void,
) {
  const yyyyMm = String(item.sk).split('#').at(-1) ?? '';
  days.forEach((day, index) => {
    if (month(day) !== yyyyMm) return;
    const parsed = pairSchema.safeParse(item[dayAttribute(day)]);
    if (parsed.success) into(index, parsed.data);
  });
}

/** One key's snapshot days in one plan: a pair per day of `days`, holes where none. */
export async function keySnapshot(
  deps: RecordDeps,
  keyId: string,
  planId: string,
  days: string[],
): Promise<[number, number][]> {
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return [];
  const page = await deps.dynamo.send(
    new QueryCommand({
      TableName: deps.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': `USAGE#${keyId}`,
        ':from': `${planId}#${month(first)}`,
        ':to': `${planId}#${month(last)}`,
      },
    }),
  );
  const pairs: [number, number][] = [];
  for (const item of page.Items ?? [])
    addDaysOf(item, days, (index, pair) => (pairs[index] = pair));
  return pairs;
}

/** Every key's snapshot days in one plan (gsi1, one Query per month and MB). */
export async function planSnapshot(
  deps: RecordDeps,
  planId: string,
  days: string[],
): Promise<Record<string, [number, number][]>> {
  const result: Record<string, [number, number][]> = {};
  for (const yyyyMm of new Set(days.map(month))) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await deps.dynamo.send(
        new QueryCommand({
          TableName: deps.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': `USAGE#${planId}#${yyyyMm}` },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        const keyId = String(item.gsi1sk);
        const pairs = (result[keyId] ??= []);
        addDaysOf(item, days, (index, pair) => (pairs[index] = pair));
      }
      start = page.LastEvaluatedKey;
    } while (start);
  }
  return result;
}

const sweepKey = { pk: 'USAGE#SWEEP', sk: 'LAST' };

/** When the last sweep finished (ms), which is how old the snapshots are. */
export async function lastSweepAt(deps: RecordDeps): Promise<number | undefined> {
  const { Item } = await deps.dynamo.send(
    new GetCommand({ TableName: deps.tableName, Key: sweepKey }),
  );
  return typeof Item?.finishedAt === 'number' ? Item.finishedAt : undefined;
}

export async function saveSweepAt(deps: RecordDeps, finishedAt: number): Promise<void> {
  await deps.dynamo.send(
    new PutCommand({ TableName: deps.tableName, Item: { ...sweepKey, finishedAt } }),
  );
}

/** When a customer last refreshed their own snapshots (ms), which may be newer than the sweep. */
const refreshKey = (sub: string) => ({ pk: 'USAGE#SWEEP', sk: `CUSTOMER#${sub}` });

export async function lastRefreshAt(deps: RecordDeps, sub: string): Promise<number | undefined> {
  const { Item } = await deps.dynamo.send(
    new GetCommand({ TableName: deps.tableName, Key: refreshKey(sub) }),
  );
  return typeof Item?.finishedAt === 'number' ? Item.finishedAt : undefined;
}

export async function saveRefreshAt(deps: RecordDeps, sub: string, at: number): Promise<void> {
  await deps.dynamo.send(
    new PutCommand({ TableName: deps.tableName, Item: { ...refreshKey(sub), finishedAt: at } }),
  );
}
