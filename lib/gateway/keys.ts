import {
  DeleteApiKeyCommand,
  GetApiKeyCommand,
  GetApiKeysCommand,
  ImportApiKeysCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateApiKeyCommand,
} from '@aws-sdk/client-api-gateway';
import type { GatewayClient } from './client';
import { orUndefinedIfMissing } from './errors';
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

export async function setKeyEnabled(
  client: GatewayClient,
  keyId: string,
  enabled: boolean,
): Promise<void> {
  await client.send(
    new UpdateApiKeyCommand({
      apiKey: keyId,
      patchOperations: [{ op: 'replace', path: '/enabled', value: String(enabled) }],
    }),
  );
}

/** Links an (imported) key to its customer. */
export async function setKeyCustomer(
  client: GatewayClient,
  keyId: string,
  customerId: string,
): Promise<void> {
  await client.send(
    new UpdateApiKeyCommand({
      apiKey: keyId,
      patchOperations: [{ op: 'replace', path: '/customerId', value: customerId }],
    }),
  );
}

export async function tagKey(
  client: GatewayClient,
  keyId: string,
  tags: Record<string, string>,
): Promise<void> {
  await client.send(new TagResourceCommand({ resourceArn: await keyArn(client, keyId), tags }));
}

export async function untagKey(
  client: GatewayClient,
  keyId: string,
  tagKeys: string[],
): Promise<void> {
  await client.send(
    new UntagResourceCommand({ resourceArn: await keyArn(client, keyId), tagKeys }),
  );
}

/** API Gateway's own all-or-nothing CSV import; the ids of the keys it created. */
export async function importKeys(client: GatewayClient, csv: string): Promise<string[]> {
  const answer = await client.send(
    new ImportApiKeysCommand({
      body: new TextEncoder().encode(csv),
      format: 'csv',
      failOnWarnings: true,
    }),
  );
  return answer.ids ?? [];
}

export async function deleteKey(client: GatewayClient, keyId: string): Promise<void> {
  await client.send(new DeleteApiKeyCommand({ apiKey: keyId }));
}
