import { reconcileDirectory } from '../admin/directory-records';
import type { Customer } from './customer-keys';
import { refreshRedeployedStages } from '../search/redeployed-stages';
import { recordAudit } from '../store/audit';
import { allKeyRecords, deleteKeyRecord, putKeyRecord } from '../store/read-model-keys';
import {
  deletePlanRecord,
  deleteRestApiRecord,
  gatewayPlanRecords,
  gatewayRestApiRecords,
  putPlanRecord,
  putRestApiRecord,
} from '../store/read-model-plans';
import {
  clearSyncCursor,
  lastSyncRun,
  maxListedChanges,
  saveSyncCursor,
  saveSyncRun,
  syncCursor,
  type SyncChange,
  type SyncRun,
} from '../store/sync-state';
import { acquireSyncLease, type SyncLease } from '../store/sync-lock';
import { callBudget } from './client';
import type { GatewayDeps, SyncDeps } from './deps';
import { forEachKeyPage } from './keys';
import { fetchRestApis } from './rest-apis';
import { changedFields, freshKeyRecord } from './sync-diff';
import { syncPeers } from './sync-peers';
import type { GatewayKey } from './types';
import { fetchPlans, planKeyIds } from './usage-plans';

/** Who the audit trail names for the sync's repairs. */
export const syncActor: Customer = { sub: 'portico-sync', email: 'read-model sync' };

/** Writes `fresh` when it is new or differs from `old`, and notes what changed. */
export async function putIfChanged<T extends { id: string }>(
  kind: SyncChange['kind'],
  fresh: T,
  old: T | undefined,
  put: (item: T) => Promise<void>,
  changes: SyncChange[],
): Promise<void> {
  const fields = changedFields(old, fresh);
  if (old && fields.length === 0) return;
  await put(fresh);
  changes.push({
    kind,
    id: fresh.id,
    change: old ? 'updated' : 'added',
    fields: fields.join(', '),
  });
}

/** Plans or REST APIs: few, so compared whole. */
export async function reconcile<T extends { id: string }>(
  kind: 'plan' | 'api',
  fresh: T[],
  recorded: T[],
  write: { put: (item: T) => Promise<void>; remove: (id: string) => Promise<void> },
  changes: SyncChange[],
): Promise<void> {
  const before = new Map(recorded.map((item) => [item.id, item]));
  for (const item of fresh) await putIfChanged(kind, item, before.get(item.id), write.put, changes);
  const present = new Set(fresh.map((item) => item.id));
  for (const id of before.keys()) {
    if (present.has(id)) continue;
    await write.remove(id);
    changes.push({ kind, id, change: 'removed' });
  }
}

/**
 * Brings the read model in line with API Gateway, repairing drift made outside the portal
 * (console, CLI, imports) or left by a failure between API Gateway and the record. Calls are
 * paged, never per item: plans and REST APIs (one call per 500), each plan's keys (one per 500)
 * and every key (one per 500). Idempotent: it writes only what differs. Resumable: after each
 * page of keys it saves where it is, and a run after a crash continues from there (keys removed
 * from API Gateway are then found by the next full run). One run at a time (a lease in
 * DynamoDB): a second one throws SyncRunningError.
 */
export async function syncReadModel(deps: SyncDeps, trigger: SyncRun['trigger']): Promise<SyncRun> {
  const lease = await acquireSyncLease(deps);
  try {
    return await runSync(deps, trigger, lease);
  } finally {
    await lease.release();
  }
}

async function runSync(
  deps: SyncDeps,
  trigger: SyncRun['trigger'],
  lease: SyncLease,
): Promise<SyncRun> {
  const startedAt = deps.now();
  const callsBefore = callBudget().stats.calls;
  const changes: SyncChange[] = [];
  const client = deps.apiGateway;

  const [plans, apis, recordedPlans, recordedApis, previous, cursor] = await Promise.all([
    fetchPlans(client),
    fetchRestApis(client),
    gatewayPlanRecords(deps),
    gatewayRestApiRecords(deps),
    lastSyncRun(deps),
    syncCursor(deps),
  ]);
  await reconcile(
    'plan',
    plans,
    recordedPlans,
    {
      put: (plan) => putPlanRecord(deps, plan),
      remove: (id) => deletePlanRecord(deps, id),
    },
    changes,
  );
  await reconcile(
    'api',
    apis,
    recordedApis,
    {
      put: (api) => putRestApiRecord(deps, api),
      remove: (id) => deleteRestApiRecord(deps, id),
    },
    changes,
  );

  const memberships = new Map<string, string[]>();
  for (const plan of plans) {
    for (const keyId of await planKeyIds(client, plan.id)) {
      memberships.set(keyId, [...(memberships.get(keyId) ?? []), plan.id]);
    }
  }

  const recorded = new Map((await allKeyRecords(deps)).map((record) => [record.id, record]));
  const seen = new Set<string>();
  const planKeys = new Map<string, GatewayKey>();
  let keysSeen = cursor?.keysSeen ?? 0;
  await forEachKeyPage(client, cursor?.position, async (keys, next) => {
    for (const key of keys) {
      seen.add(key.id);
      if (memberships.has(key.id)) planKeys.set(key.id, key);
      const fresh = freshKeyRecord(key, memberships.get(key.id) ?? [], deps.now());
      await putIfChanged(
        'key',
        fresh,
        recorded.get(key.id),
        (record) => putKeyRecord(deps, record),
        changes,
      );
    }
    keysSeen += keys.length;
    await lease.renew();
    if (next) {
      await saveSyncCursor(deps, {
        position: next,
        keysSeen,
        startedAt: cursor?.startedAt ?? startedAt,
      });
    }
  });
  if (!cursor) {
    for (const id of recorded.keys()) {
      if (seen.has(id)) continue;
      await deleteKeyRecord(deps, id);
      changes.push({ kind: 'key', id, change: 'removed' });
    }
  }
  await clearSyncCursor(deps);
  const peers = await syncPeers(deps, changes, { plans, memberships, keys: planKeys });
  // With the REST APIs recorded, stages deployed again are summarised again for search.
  await refreshRedeployedStages(deps);
  keysSeen += peers.keysSeen;
  await auditChanges(deps, changes, { initial: !previous, owners: recorded });
  const { cognito, userPoolId, adminGroup } = deps;
  if (cognito && userPoolId && adminGroup) {
    const accounts = await reconcileDirectory({ ...deps, cognito, userPoolId, adminGroup });
    const repairs = accounts.repairs.map(({ sub, ...repair }) => ({
      kind: 'account' as const,
      id: sub,
      ...repair,
    }));
    await auditChanges(deps, repairs, { initial: accounts.initial, owners: recorded });
    changes.push(...repairs);
  }

  const run: SyncRun = {
    startedAt,
    finishedAt: deps.now(),
    trigger,
    calls: callBudget().stats.calls - callsBefore + peers.calls,
    keysSeen,
    changes: changes.slice(0, maxListedChanges),
    changeCount: changes.length,
    resumed: Boolean(cursor),
  };
  await saveSyncRun(deps, run);
  return run;
}

/**
 * One audit entry per repair, filed under the key's owner when there is one. The first sync of
 * an installation records everything there is: one entry says so instead of thousands.
 */
async function auditChanges(
  deps: GatewayDeps,
  changes: SyncChange[],
  context: { initial: boolean; owners: Map<string, { customerId?: string }> },
): Promise<void> {
  if (changes.length === 0) return;
  if (context.initial) {
    await recordAudit(deps, {
      actor: syncActor,
      customerSub: 'sync',
      action: 'readmodel.repaired',
      details: { change: 'initial import', records: String(changes.length) },
    });
    return;
  }
  for (const change of changes) {
    await recordAudit(deps, {
      actor: syncActor,
      customerSub:
        (change.kind === 'account' && change.id) ||
        (change.kind === 'key' && context.owners.get(change.id)?.customerId) ||
        'sync',
      action: 'readmodel.repaired',
      details: {
        kind: change.kind,
        id: change.id,
        change: change.change,
        ...(change.fields ? { fields: change.fields } : {}),
      },
    });
  }
}
