import type { UsageQuery } from '../gateway/usage';
import { allKeyRecords, type RecordDeps } from '../store/read-model-keys';
import { keySnapshot, planSnapshot } from '../store/usage-snapshots';
import type { KeyOwner } from './consumers';
import type { UsageReport } from './usage-report';
import { eachDay } from './utc-days';

export type { UsageQuery } from '../gateway/usage';

/**
 * One plan's usage for a range, from the sweep's snapshots in DynamoDB (never GetUsage): one
 * key's, or every key's with `keyId` left out. Days without a snapshot had no requests.
 */
export async function planUsage(deps: RecordDeps, query: UsageQuery): Promise<UsageReport> {
  const days = eachDay(query.start, query.end);
  const items = query.keyId
    ? { [query.keyId]: await keySnapshot(deps, query.keyId, query.planId, days) }
    : await planSnapshot(deps, query.planId, days);
  return { usagePlanId: query.planId, startDate: query.start, endDate: query.end, items };
}

/** Who holds each key in the account, from the read model. */
export async function keyOwners(deps: RecordDeps): Promise<Record<string, KeyOwner>> {
  const records = await allKeyRecords(deps);
  return Object.fromEntries(
    records.map((key) => [key.id, { customerId: key.customerId, name: key.name }]),
  );
}
