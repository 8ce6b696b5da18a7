import { deleteKeyRecord, gatewayKeyRecords, putKeyRecord } from '../store/read-model-keys';
import {
  deletePlanRecord,
  deleteRestApiRecord,
  gatewayPlanRecords,
  gatewayRestApiRecords,
  putPlanRecord,
  putRestApiRecord,
} from '../store/read-model-plans';
import type { SyncChange } from '../store/sync-state';
import { callBudget } from './client';
import type { SyncDeps } from './deps';
import { listKeys } from './keys';
import type { GatewayPeer } from './peers';
import { fetchRestApis } from './rest-apis';
import { putIfChanged, reconcile } from './sync';
import { restoreKeyCopies, type HomeState } from './sync-copies';
import { freshKeyRecord } from './sync-diff';
import { fetchPlans, planKeyIds } from './usage-plans';

/**
 * The other gateways' part of the read-model sync (./sync does home's): each gateway's plans,
 * REST APIs and keys, paged under that gateway's own call budget, recorded with the gateway's
 * id. Each run reads a gateway whole: they hold the plans that extend home's and the copies of
 * customers' keys, far fewer than home's keys. Copies and memberships that the home keys'
 * plans call for and the gateway lacks are restored first (./sync-copies), so the records
 * show them.
 */
export async function syncPeers(
  deps: SyncDeps,
  changes: SyncChange[],
  home: HomeState,
): Promise<{ keysSeen: number; calls: number }> {
  let keysSeen = 0;
  let calls = 0;
  for (const peer of deps.peers ?? []) {
    const before = callBudget(undefined, peer.id).stats.calls;
    keysSeen += await syncPeer(deps, peer, changes, home);
    calls += callBudget(undefined, peer.id).stats.calls - before;
  }
  return { keysSeen, calls };
}

async function syncPeer(
  deps: SyncDeps,
  peer: GatewayPeer,
  changes: SyncChange[],
  home: HomeState,
): Promise<number> {
  const stamp = <T extends object>(item: T) => ({ ...item, gateway: peer.id });
  const [plans, apis, keys, recordedPlans, recordedApis, recordedKeys] = await Promise.all([
    fetchPlans(peer.client),
    fetchRestApis(peer.client),
    listKeys(peer.client),
    gatewayPlanRecords(deps, peer.id),
    gatewayRestApiRecords(deps, peer.id),
    gatewayKeyRecords(deps, peer.id),
  ]);
  await reconcile(
    'plan',
    plans.map(stamp),
    recordedPlans,
    { put: (plan) => putPlanRecord(deps, plan), remove: (id) => deletePlanRecord(deps, id) },
    changes,
  );
  await reconcile(
    'api',
    apis.map(stamp),
    recordedApis,
    { put: (api) => putRestApiRecord(deps, api), remove: (id) => deleteRestApiRecord(deps, id) },
    changes,
  );
  const memberships = new Map<string, string[]>();
  for (const plan of plans) {
    for (const keyId of await planKeyIds(peer.client, plan.id)) {
      memberships.set(keyId, [...(memberships.get(keyId) ?? []), plan.id]);
    }
  }
  await restoreKeyCopies(deps, peer, home, { plans, keys, memberships });
  const recorded = new Map(recordedKeys.map((record) => [record.id, record]));
  for (const key of keys) {
    const fresh = stamp(freshKeyRecord(key, memberships.get(key.id) ?? [], deps.now()));
    await putIfChanged(
      'key',
      fresh,
      recorded.get(key.id),
      (record) => putKeyRecord(deps, record),
      changes,
    );
  }
  const present = new Set(keys.map((key) => key.id));
  for (const id of recorded.keys()) {
    if (present.has(id)) continue;
    await deleteKeyRecord(deps, id);
    changes.push({ kind: 'key', id, change: 'removed' });
  }
  return keys.length;
}
