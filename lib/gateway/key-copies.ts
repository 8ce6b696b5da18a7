import {
  CreateApiKeyCommand,
  DeleteApiKeyCommand,
  GetApiKeyCommand,
  GetApiKeysCommand,
  UpdateApiKeyCommand,
} from '@aws-sdk/client-api-gateway';
import {
  deleteKeyRecord,
  keyRecord,
  putKeyRecord,
  updateKeyRecord,
} from '../store/read-model-keys';
import { keyTagNames } from './customer-keys';
import type { GatewayDeps } from './deps';
import { isNotFound, orUndefinedIfMissing } from './errors';
import { allPages } from './pagination';
import type { GatewayPeer } from './peers';
import { reshapeAll, reshapeKey } from './reshape';
import type { GatewayKey } from './types';
import { UncertainOutcomeError } from './uncertain-outcome';

/**
 * A customer's key lives in the home gateway. Where one of its plans spans another gateway
 * (./plan-links), the key is copied there with the same value, name and customer id, tagged
 * with the home key's id: the customer has one key that works in every Region of their plans.
 * The copies follow the home key: enabled and disabled with it, deleted with it, and in the
 * namesakes of its plans (./plan-associations). Nothing here runs without other gateways.
 */
export const copyOfTag = 'portico:copy-of';

/** What finds a key's copies: its id, name and customer. */
type KeyIdentity = Pick<GatewayKey, 'id' | 'name' | 'customerId'>;

/**
 * The home key's name and customer, from its read-model record when there is one (no API
 * Gateway call), else from API Gateway; undefined when the key does not exist.
 */
async function identityOf(deps: GatewayDeps, keyId: string): Promise<KeyIdentity | undefined> {
  const recorded = await keyRecord(deps, keyId);
  if (recorded && recorded.gateway === undefined) return recorded;
  const raw = await orUndefinedIfMissing(
    deps.apiGateway.send(new GetApiKeyCommand({ apiKey: keyId })),
  );
  return raw && reshapeKey(raw);
}

/** The copy of a home key in one gateway: one GetApiKeys by the key's name and customer. */
async function findCopy(peer: GatewayPeer, home: KeyIdentity): Promise<GatewayKey | undefined> {
  const keys = await allPages((position) =>
    peer.client.send(
      new GetApiKeysCommand({
        nameQuery: home.name,
        ...(home.customerId ? { customerId: home.customerId } : {}),
        limit: 500,
        position,
      }),
    ),
  );
  return reshapeAll(keys, reshapeKey).find((key) => key.tags[copyOfTag] === home.id);
}

/** Every existing copy of a home key: a read of its record, and one call per other gateway. */
export async function keyCopies(
  deps: GatewayDeps,
  keyId: string,
): Promise<{ peer: GatewayPeer; key: GatewayKey }[]> {
  if (!deps.peers?.length) return [];
  const home = await identityOf(deps, keyId);
  if (!home) return [];
  const copies = [];
  for (const peer of deps.peers) {
    const key = await findCopy(peer, home);
    if (key) copies.push({ peer, key });
  }
  return copies;
}

/** The copy of a home key in `peer`, made with the same value (and recorded) if missing. */
export async function ensureKeyCopy(
  deps: GatewayDeps,
  peer: GatewayPeer,
  keyId: string,
): Promise<GatewayKey> {
  const identity = await identityOf(deps, keyId);
  const existing = identity && (await findCopy(peer, identity));
  if (existing) return existing;
  const raw = await deps.apiGateway.send(
    new GetApiKeyCommand({ apiKey: keyId, includeValue: true }),
  );
  const home = reshapeKey(raw);
  if (!home || !raw.value) throw new Error(`API Gateway returned no value for key ${keyId}`);
  return createKeyCopy(deps, peer, home, raw.value);
}

/**
 * Copies a home key into `peer` with its value, name, customer and state, and records the copy.
 * The value is the idempotency key: a lost answer, or a racing copy, left the copy there, and
 * that copy is answered.
 */
export async function createKeyCopy(
  deps: GatewayDeps,
  peer: GatewayPeer,
  home: GatewayKey,
  value: string,
): Promise<GatewayKey> {
  let copy: GatewayKey | undefined;
  try {
    copy = reshapeKey(
      await peer.client.send(
        new CreateApiKeyCommand({
          name: home.name,
          customerId: home.customerId,
          description: home.description,
          enabled: home.enabled,
          value,
          tags: {
            ...(home.tags[keyTagNames.customer]
              ? { [keyTagNames.customer]: home.tags[keyTagNames.customer] }
              : {}),
            [copyOfTag]: home.id,
          },
        }),
      ),
    );
  } catch (error) {
    const conflict = (error as { name?: string } | null)?.name === 'ConflictException';
    if (!(error instanceof UncertainOutcomeError) && !conflict) throw error;
    copy = await findCopy(peer, home);
    if (!copy) throw error;
  }
  if (!copy) throw new Error('API Gateway created a key copy without an id');
  await putKeyRecord(deps, { ...copy, gateway: peer.id, planIds: [], recordedAt: deps.now() });
  return copy;
}

/** Enables or disables a home key's copies (recorded as each is done). */
export async function setCopiesEnabled(
  deps: GatewayDeps,
  keyId: string,
  enabled: boolean,
): Promise<void> {
  for (const { peer, key } of await keyCopies(deps, keyId)) {
    if (key.enabled === enabled) continue;
    await peer.client.send(
      new UpdateApiKeyCommand({
        apiKey: key.id,
        patchOperations: [{ op: 'replace', path: '/enabled', value: String(enabled) }],
      }),
    );
    await updateKeyRecord(deps, key.id, { enabled });
  }
}

/** Deletes the given copies; one already gone counts as deleted. */
export async function deleteCopies(
  deps: GatewayDeps,
  copies: { peer: GatewayPeer; key: GatewayKey }[],
): Promise<void> {
  for (const { peer, key } of copies) {
    try {
      await peer.client.send(new DeleteApiKeyCommand({ apiKey: key.id }));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    await deleteKeyRecord(deps, key.id);
  }
}
