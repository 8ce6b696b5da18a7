import {
  CreateUsagePlanKeyCommand,
  DeleteUsagePlanKeyCommand,
  GetUsagePlanKeyCommand,
} from '@aws-sdk/client-api-gateway';
import type { PlanAssociations } from '../portal/move';
import { updateKeyRecord } from '../store/read-model-keys';
import type { GatewayClient } from './client';
import type { GatewayDeps } from './deps';
import { isNotFound, orUndefinedIfMissing } from './errors';
import { ensureKeyCopy, keyCopies } from './key-copies';
import { peerOf } from './peers';
import { planLinks } from './plan-edits';

const isConflict = (error: unknown) =>
  (error as { name?: string } | null)?.name === 'ConflictException';

/** Adds a key to a usage plan; the key already there counts as added. */
export async function addAssociation(client: GatewayClient, planId: string, keyId: string) {
  try {
    await client.send(
      new CreateUsagePlanKeyCommand({ usagePlanId: planId, keyId, keyType: 'API_KEY' }),
    );
  } catch (error) {
    // Another plan of the same stage is a real conflict; our own association is not.
    if (!isConflict(error)) throw error;
    const existing = await orUndefinedIfMissing(
      client.send(new GetUsagePlanKeyCommand({ usagePlanId: planId, keyId })),
    );
    if (!existing) throw error;
  }
}

async function removeAssociation(client: GatewayClient, planId: string, keyId: string) {
  try {
    await client.send(new DeleteUsagePlanKeyCommand({ usagePlanId: planId, keyId }));
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

/**
 * Key ↔ plan associations in API Gateway, each recorded on the key's record once API Gateway
 * has it. Both steps aim at a state, so they may be repeated (the SDK retries throttling and
 * 5xx with backoff): adding an association that is already there, or removing one that is
 * already gone, after a lost answer, is success. A plan that spans other gateways takes the
 * key's copy there too (made with the same value if missing): added after the home key, and
 * removed before it, so a failure part-way leaves the home key's state for a retry to see.
 */
export function gatewayPlanAssociations(deps: GatewayDeps): PlanAssociations {
  return {
    async add(planId, keyId) {
      await addAssociation(deps.apiGateway, planId, keyId);
      await updateKeyRecord(deps, keyId, { planAdded: planId });
      for (const link of await planLinks(deps, planId)) {
        const peer = peerOf(deps, link.gateway);
        const copy = await ensureKeyCopy(deps, peer, keyId);
        await addAssociation(peer.client, link.id, copy.id);
        await updateKeyRecord(deps, copy.id, { planAdded: link.id });
      }
    },
    async remove(planId, keyId) {
      const links = await planLinks(deps, planId);
      if (links.length > 0) {
        const copies = await keyCopies(deps, keyId);
        for (const link of links) {
          const copy = copies.find((each) => each.peer.id === link.gateway);
          if (!copy) continue;
          await removeAssociation(copy.peer.client, link.id, copy.key.id);
          await updateKeyRecord(deps, copy.key.id, { planRemoved: link.id });
        }
      }
      await removeAssociation(deps.apiGateway, planId, keyId);
      await updateKeyRecord(deps, keyId, { planRemoved: planId });
    },
  };
}
