import {
  CreateApiKeyCommand,
  GetApiKeyCommand,
  GetApiKeysCommand,
  GetUsagePlansCommand,
} from '@aws-sdk/client-api-gateway';
import { randomUUID } from 'node:crypto';
import { putKeyRecord } from '../store/read-model-keys';
import type { GatewayClient } from './client';
import type { GatewayDeps } from './deps';
import { allPages } from './pagination';
import { reshapeAll, reshapeKey, reshapePlan } from './reshape';
import type { GatewayKey, GatewayPlan } from './types';
import { UncertainOutcomeError } from './uncertain-outcome';

/** Who a key belongs to: the Cognito `sub` is the customer id everywhere. */
export interface Customer {
  sub: string;
  email: string;
}

/** Portal-owned tags on a customer's keys. */
export const keyTagNames = {
  customer: 'portico:customer',
  /** Set on a rotated-out key: epoch ms after which it is disabled. */
  disableAfter: 'portico:disable-after',
  /** Set on a key an admin disabled: the reason the customer is shown. */
  disabledReason: 'portico:disabled-reason',
  /** Set when a key is created, so a creation whose answer was lost can be found. */
  creation: 'portico:creation',
} as const;

/** Every key of a customer carries this name, so one prefix query finds them all. */
export const customerKeyName = (sub: string) => `portico-${sub}`;

/** Newest first. */
const byCreation = (a: GatewayKey, b: GatewayKey) => (b.createdAt ?? 0) - (a.createdAt ?? 0);

/**
 * A customer's keys, active and rotated-out, newest first, in one or two calls: GetApiKeys
 * filtered by the deterministic name and the customer id — never a scan of every key.
 */
export async function findCustomerKeys(client: GatewayClient, sub: string): Promise<GatewayKey[]> {
  const name = customerKeyName(sub);
  const keys = await allPages((position) =>
    client.send(new GetApiKeysCommand({ nameQuery: name, customerId: sub, limit: 500, position })),
  );
  return reshapeAll(keys, reshapeKey)
    .filter((key) => key.name === name && key.customerId === sub)
    .sort(byCreation);
}

/** The key a customer calls with: the newest enabled one that is not being rotated out. */
export function activeKey<K extends Pick<GatewayKey, 'enabled' | 'tags'>>(
  keys: K[],
): K | undefined {
  return keys.find((key) => key.enabled && !key.tags[keyTagNames.disableAfter]);
}

/**
 * A new enabled key for the customer, and its value (to be shown once, or not at all).
 * CreateApiKey is never repeated blindly: when its outcome is uncertain, the customer's keys
 * are looked up by the deterministic name and this attempt's creation tag first, and only if
 * the key is not there is it created once more.
 */
export async function createCustomerKey(
  deps: GatewayDeps,
  customer: Customer,
): Promise<{ key: GatewayKey; value: string }> {
  const created = await createKeyOnce(deps.apiGateway, customer);
  await putKeyRecord(deps, { ...created.key, planIds: [], recordedAt: deps.now() });
  return created;
}

async function createKeyOnce(
  client: GatewayClient,
  customer: Customer,
): Promise<{ key: GatewayKey; value: string }> {
  const creation = randomUUID();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await sendCreateKey(client, customer, creation);
    } catch (error) {
      if (!(error instanceof UncertainOutcomeError)) throw error;
      const landed = (await findCustomerKeys(client, customer.sub)).find(
        (key) => key.tags[keyTagNames.creation] === creation,
      );
      if (landed) return { key: landed, value: await keyValue(client, landed.id) };
      if (attempt === 2) throw error;
    }
  }
}

async function sendCreateKey(client: GatewayClient, customer: Customer, creation: string) {
  const created = await client.send(
    new CreateApiKeyCommand({
      name: customerKeyName(customer.sub),
      customerId: customer.sub,
      description: `Portico key of ${customer.email}`,
      enabled: true,
      tags: { [keyTagNames.customer]: customer.sub, [keyTagNames.creation]: creation },
    }),
  );
  const key = reshapeKey(created);
  if (!key || !created.value) throw new Error('API Gateway created a key without an id or value');
  return { key, value: created.value };
}

/** The usage plans a key is in: one GetUsagePlans call filtered by key id. */
export async function plansOfKey(client: GatewayClient, keyId: string): Promise<GatewayPlan[]> {
  const plans = await allPages((position) =>
    client.send(new GetUsagePlansCommand({ keyId, limit: 500, position })),
  );
  return reshapeAll(plans, reshapePlan);
}

/** The secret value, only when its owner asks to reveal it. */
export async function keyValue(client: GatewayClient, keyId: string): Promise<string> {
  const key = await client.send(new GetApiKeyCommand({ apiKey: keyId, includeValue: true }));
  if (!key.value) throw new Error(`API Gateway returned no value for key ${keyId}`);
  return key.value;
}
