import {
  DeleteApiKeyCommand,
  GetApiKeyCommand,
  GetApiKeysCommand,
  ImportApiKeysCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateApiKeyCommand,
} from '@aws-sdk/client-api-gateway';
import { deleteKeyRecord, putKeyRecord, updateKeyRecord } from '../store/read-model-keys';
import type { GatewayClient } from './client';
import type { GatewayDeps } from './deps';
import { orUndefinedIfMissing } from './errors';
import { deleteCopies, keyCopies, setCopiesEnabled } from './key-copies';
import { allPages } from './pagination';
import { reshapeAll, reshapeKey } from './reshape';
import type { GatewayKey } from './types';

/** Key operations beyond one customer's own (./customer-keys): the admin console's. */

export const keyArn = async (client: GatewayClient, keyId: string) =>
  `arn:aws:apigateway:${await client.config.region()}::/apikeys/${keyId}`;

/** One key without its value, or undefined when it does not exist. */
export async function getKey(
  client: GatewayClient,
  keyId: string,
): Promise<GatewayKey | undefined> {
  const raw = await orUndefinedIfMissing(client.send(new GetApiKeyCommand({ apiKey: keyId })));
  return raw && reshapeKey(raw);
}

/** Every key in the account (no values): one call per 500 keys; `namePrefix` narrows it. */
export async function listKeys(
  client: GatewayClient,
  options: { namePrefix?: string } = {},
): Promise<GatewayKey[]> {
  const keys = await allPages((position) =>
    client.send(new GetApiKeysCommand({ nameQuery: options.namePrefix, limit: 500, position })),
  );
  return reshapeAll(keys, reshapeKey);
}

/**
 * The keys in pages of 500 from `position` (the start without one), handing each page and the
 * position after it to `onPage` before fetching the next: what a resumable sync walks.
 */
export async function forEachKeyPage(
  client: GatewayClient,
  position: string | undefined,
  onPage: (keys: GatewayKey[], next: string | undefined) => Promise<void>,
): Promise<void> {
  let current = position;
  do {
    const page = await client.send(
      new GetApiKeysCommand({ limit: 500, position: current, includeValues: false }),
    );
    current = page.position || undefined;
    await onPage(reshapeAll(page.items ?? [], reshapeKey), current);
  } while (current);
}

/**
 * Every key and, apart, the set of values in use: what a key import is checked against. The
 * values never leave the set (a value in a file must not overwrite an existing key).
 */
export async function listKeysWithValues(
  client: GatewayClient,
): Promise<{ keys: GatewayKey[]; values: Set<string> }> {
  const raw = await allPages((position) =>
    client.send(new GetApiKeysCommand({ limit: 500, position, includeValues: true })),
  );
  return {
    keys: reshapeAll(raw, reshapeKey),
    values: new Set(raw.flatMap((key) => (key.value ? [key.value] : []))),
  };
}

/**
 * Enables or disables a key and its copies in other gateways (./key-copies). Disabling starts
 * with the copies and enabling with the home key, so a failure part-way leaves a retry, which
 * looks at the home key, something to do, and never a copy working with the home key off.
 */
export async function setKeyEnabled(
  deps: GatewayDeps,
  keyId: string,
  enabled: boolean,
): Promise<void> {
  if (!enabled) await setCopiesEnabled(deps, keyId, false);
  await deps.apiGateway.send(
    new UpdateApiKeyCommand({
      apiKey: keyId,
      patchOperations: [{ op: 'replace', path: '/enabled', value: String(enabled) }],
    }),
  );
  await updateKeyRecord(deps, keyId, { enabled });
  if (enabled) await setCopiesEnabled(deps, keyId, true);
}

/** Links an (imported) key to its customer. */
export async function setKeyCustomer(
  deps: GatewayDeps,
  keyId: string,
  customerId: string,
): Promise<void> {
  await deps.apiGateway.send(
    new UpdateApiKeyCommand({
      apiKey: keyId,
      patchOperations: [{ op: 'replace', path: '/customerId', value: customerId }],
    }),
  );
  await updateKeyRecord(deps, keyId, { customerId });
}

export async function tagKey(
  deps: GatewayDeps,
  keyId: string,
  tags: Record<string, string>,
): Promise<void> {
  const resourceArn = await keyArn(deps.apiGateway, keyId);
  await deps.apiGateway.send(new TagResourceCommand({ resourceArn, tags }));
  await updateKeyRecord(deps, keyId, { tags });
}

export async function untagKey(deps: GatewayDeps, keyId: string, tagKeys: string[]): Promise<void> {
  const resourceArn = await keyArn(deps.apiGateway, keyId);
  await deps.apiGateway.send(new UntagResourceCommand({ resourceArn, tagKeys }));
  await updateKeyRecord(deps, keyId, { untag: tagKeys });
}

/**
 * API Gateway's own all-or-nothing CSV import: the ids of the keys it created. Not repeated on
 * a lost answer (see uncertain-outcome.ts): the caller looks the file's values up instead.
 */
export async function importKeys(deps: GatewayDeps, csv: string): Promise<string[]> {
  const answer = await deps.apiGateway.send(
    new ImportApiKeysCommand({
      body: new TextEncoder().encode(csv),
      format: 'csv',
      failOnWarnings: true,
    }),
  );
  return answer.ids ?? [];
}

/**
 * Records newly imported keys in the read model, each with the plans the file put it in (the
 * import is all-or-nothing, so a key it made is in every plan of its row; `planIdsByValue`
 * maps each row's value to them): subscriber counts are right at once, not after the next
 * sync. From one listing with values (a call per 500 keys), not a lookup per key; the values
 * never leave this function. Answers the keys.
 */
export async function recordImportedKeys(
  deps: GatewayDeps,
  ids: readonly string[],
  planIdsByValue: ReadonlyMap<string, readonly string[]>,
): Promise<GatewayKey[]> {
  const wanted = new Set(ids);
  const raw = await allPages((position) =>
    deps.apiGateway.send(new GetApiKeysCommand({ limit: 500, position, includeValues: true })),
  );
  const created: GatewayKey[] = [];
  for (const item of raw) {
    const key = item.id && wanted.has(item.id) ? reshapeKey(item) : undefined;
    if (!key) continue;
    const planIds = [...((item.value && planIdsByValue.get(item.value)) || [])].sort();
    await putKeyRecord(deps, { ...key, planIds, recordedAt: deps.now() });
    created.push(key);
  }
  return created;
}

/** The ids of the keys whose value is one of `values`: one call per 500 keys. */
export async function keyIdsWithValues(
  client: GatewayClient,
  values: readonly string[],
): Promise<string[]> {
  const wanted = new Set(values);
  const raw = await allPages((position) =>
    client.send(new GetApiKeysCommand({ limit: 500, position, includeValues: true })),
  );
  return raw.flatMap((key) => (key.id && key.value && wanted.has(key.value) ? [key.id] : []));
}

/**
 * Deletes a key and its copies in other gateways, found while the home key still names them.
 * Deleting a key that is gone already (an earlier try's lost answer) is done, not an error.
 */
export async function deleteKey(deps: GatewayDeps, keyId: string): Promise<void> {
  await deleteCopies(deps, await keyCopies(deps, keyId));
  await orUndefinedIfMissing(deps.apiGateway.send(new DeleteApiKeyCommand({ apiKey: keyId })));
  await deleteKeyRecord(deps, keyId);
}
