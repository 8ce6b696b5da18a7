import {
  CreateApiKeyCommand,
  GetApiKeyCommand,
  GetApiKeysCommand,
  GetUsagePlansCommand,
  type ApiKey,
  type APIGatewayClient,
  type UsagePlan,
} from '@aws-sdk/client-api-gateway';
import { allPages } from './pagination';

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
} as const;

/** Every key of a customer carries this name, so one prefix query finds them all. */
export const customerKeyName = (sub: string) => `portico-${sub}`;

/**
 * A customer's keys, active and rotated-out, in one or two calls: GetApiKeys filtered by the
 * deterministic name and the customer id — never a scan of every key in the account.
 */
export async function findCustomerKeys(client: APIGatewayClient, sub: string): Promise<ApiKey[]> {
  const name = customerKeyName(sub);
  const keys = await allPages((position) =>
    client.send(new GetApiKeysCommand({ nameQuery: name, customerId: sub, limit: 500, position })),
  );
  return keys
    .filter((key) => key.name === name && key.customerId === sub)
    .sort((a, b) => (b.createdDate?.getTime() ?? 0) - (a.createdDate?.getTime() ?? 0));
}

/** The key a customer calls with: the newest enabled one that is not being rotated out. */
export function activeKey(keys: ApiKey[]): ApiKey | undefined {
  return keys.find((key) => key.enabled && !key.tags?.[keyTagNames.disableAfter]);
}

export async function createCustomerKey(
  client: APIGatewayClient,
  customer: Customer,
): Promise<ApiKey> {
  return client.send(
    new CreateApiKeyCommand({
      name: customerKeyName(customer.sub),
      customerId: customer.sub,
      description: `Portico key of ${customer.email}`,
      enabled: true,
      tags: { [keyTagNames.customer]: customer.sub },
    }),
  );
}

/** The usage plans a key is in: one GetUsagePlans call filtered by key id. */
export function plansOfKey(client: APIGatewayClient, keyId: string): Promise<UsagePlan[]> {
  return allPages((position) =>
    client.send(new GetUsagePlansCommand({ keyId, limit: 500, position })),
  );
}

/** The secret value, only when its owner asks to reveal it. */
export async function keyValue(client: APIGatewayClient, keyId: string): Promise<string> {
  const key = await client.send(new GetApiKeyCommand({ apiKey: keyId, includeValue: true }));
  if (!key.value) throw new Error(`API Gateway returned no value for key ${keyId}`);
  return key.value;
}
