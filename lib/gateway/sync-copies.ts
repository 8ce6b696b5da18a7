import { GetUsagePlanKeyCommand, UpdateApiKeyCommand } from '@aws-sdk/client-api-gateway';
import { recordAudit } from '../store/audit';
import { withCustomerLock } from '../store/customer-lock';
import { accountState } from '../portal/account-state';
import type { SyncDeps } from './deps';
import { orUndefinedIfMissing } from './errors';
import { copyOfTag, createKeyCopy } from './key-copies';
import { getKey } from './keys';
import type { GatewayPeer } from './peers';
import { addAssociation } from './plan-associations';
import { portalPlans } from './plan-links';
import { syncActor } from './sync';
import type { GatewayKey, GatewayPlan } from './types';

/** What the sync read of the home gateway: its plans, their keys, and those keys. */
export interface HomeState {
  plans: GatewayPlan[];
  /** Key id → the home plans it is in (GetUsagePlanKeys pages). */
  memberships: Map<string, string[]>;
  /** The keys in some plan, as this run's key pages gave them. */
  keys: Map<string, GatewayKey>;
}

/** What the sync read of another gateway; repairs add to its keys and memberships. */
export interface PeerState {
  plans: GatewayPlan[];
  keys: GatewayKey[];
  memberships: Map<string, string[]>;
}

/**
 * Restores what a key in a home plan should have in `peer` where the plan spans it: the key's
 * copy (same value) and the copy's place in the namesake plan, lost to a change made behind
 * the portal's back, a failure part-way, or a namesake plan added after the key joined. Found
 * from what the sync already paged (no call per key); each repair grants access, so it is
 * re-checked under the customer's lock as every grant is: the account must be enabled in
 * Cognito (a customer's key is left alone by a sync without Cognito), then one GetUsagePlanKey
 * at home (which also carries the key's value), and if the copy is missing a GetApiKey at home
 * (the key's state now, not as the sync's page had it) and CreateApiKey; then
 * CreateUsagePlanKey. Before any of that, a copy left enabled while its home key is disabled
 * is disabled: removing access needs no re-check.
 * A repair that fails is left for the next run.
 */
export async function restoreKeyCopies(
  deps: SyncDeps,
  peer: GatewayPeer,
  home: HomeState,
  state: PeerState,
): Promise<void> {
  const namesakes = new Map<string, string>();
  const stamped = state.plans.map((plan) => ({ ...plan, gateway: peer.id }));
  for (const plan of portalPlans([...home.plans, ...stamped])) {
    const link = plan.linked?.find((each) => each.gateway === peer.id);
    if (link) namesakes.set(plan.id, link.id);
  }
  const copies = new Map<string, GatewayKey>();
  for (const key of state.keys) {
    const homeId = key.tags[copyOfTag];
    if (homeId) copies.set(homeId, key);
  }
  await disableCopiesOfDisabledKeys(deps, peer, home, state, copies);
  if (namesakes.size === 0) return;
  for (const [keyId, planIds] of home.memberships) {
    const key = home.keys.get(keyId);
    if (!key) continue;
    for (const planId of planIds) {
      const namesakeId = namesakes.get(planId);
      if (!namesakeId) continue;
      const copy = copies.get(keyId);
      if (copy && state.memberships.get(copy.id)?.includes(namesakeId)) continue;
      try {
        const restored = await restoreCopy(deps, peer, key, { planId, namesakeId, copy });
        if (!restored) continue;
        copies.set(keyId, restored.copy);
        if (!copy) state.keys.push(restored.copy);
        state.memberships.set(restored.copy.id, [
          ...(state.memberships.get(restored.copy.id) ?? []),
          namesakeId,
        ]);
      } catch (error) {
        console.error(`[sync] restoring the copy of ${keyId} in ${peer.id} failed`, error);
      }
    }
  }
}

/** A copy enabled behind the portal's back (or by a failure part-way) while its home key is off. */
async function disableCopiesOfDisabledKeys(
  deps: SyncDeps,
  peer: GatewayPeer,
  home: HomeState,
  state: PeerState,
  copies: Map<string, GatewayKey>,
): Promise<void> {
  for (const [homeId, copy] of copies) {
    const key = home.keys.get(homeId);
    if (!key || key.enabled || !copy.enabled) continue;
    try {
      await peer.client.send(
        new UpdateApiKeyCommand({
          apiKey: copy.id,
          patchOperations: [{ op: 'replace', path: '/enabled', value: 'false' }],
        }),
      );
      // The sync records the peer's keys from `state` next: they must say what is true now.
      const disabled = { ...copy, enabled: false };
      copies.set(homeId, disabled);
      state.keys[state.keys.indexOf(copy)] = disabled;
      await recordAudit(deps, {
        actor: syncActor,
        customerSub: key.customerId ?? 'sync',
        action: 'key.repaired',
        details: { keyId: homeId, repair: 'copy disabled', gateway: peer.id, copyId: copy.id },
      });
    } catch (error) {
      console.error(`[sync] disabling the copy of ${homeId} in ${peer.id} failed`, error);
    }
  }
}

async function restoreCopy(
  deps: SyncDeps,
  peer: GatewayPeer,
  key: GatewayKey,
  target: { planId: string; namesakeId: string; copy: GatewayKey | undefined },
): Promise<{ copy: GatewayKey } | undefined> {
  const restore = async () => {
    const { cognito, userPoolId } = deps;
    if (key.customerId) {
      if (!cognito || !userPoolId) return undefined;
      if ((await accountState({ cognito, userPoolId }, key.customerId)) !== 'enabled')
        return undefined;
    }
    const member = await orUndefinedIfMissing(
      deps.apiGateway.send(
        new GetUsagePlanKeyCommand({ usagePlanId: target.planId, keyId: key.id }),
      ),
    );
    // Left the plan since the sync read it: nothing to restore.
    if (!member?.value) return undefined;
    let copy = target.copy;
    if (!copy) {
      // Enabled or not as the key is now: an admin may have disabled it since the page was read.
      const current = await getKey(deps.apiGateway, key.id);
      if (!current) return undefined;
      copy = await createKeyCopy(deps, peer, current, member.value);
    }
    await addAssociation(peer.client, target.namesakeId, copy.id);
    await recordAudit(deps, {
      actor: syncActor,
      customerSub: key.customerId ?? 'sync',
      action: 'key.repaired',
      details: {
        keyId: key.id,
        repair: target.copy ? 'copy put back in plan' : 'copy restored',
        gateway: peer.id,
        copyId: copy.id,
        planId: target.planId,
      },
    });
    return { copy };
  };
  return key.customerId ? withCustomerLock(deps, key.customerId, restore) : restore();
}
