import { randomUUID } from 'node:crypto';
import {
  CreateUsagePlanKeyCommand,
  DeleteUsagePlanKeyCommand,
  GetRestApisCommand,
  GetUsagePlansCommand,
  UpdateUsageCommand,
  type APIGatewayClient,
} from '@aws-sdk/client-api-gateway';
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { gatewayCache } from '../gateway/cache';
import { createCustomerKey } from '../gateway/customer-keys';
import { emulatorCalls, resetEmulatorCalls, totalCalls } from '../testing/emulator-stats';
import { stackClients } from '../testing/stack';
import { adminUsage } from './admin-usage';
import { customerUsage } from './customer-usage';
import { parseDateRange } from './date-range';

let client: APIGatewayClient;
let weatherUrl: string;
let planIds: Record<string, string>;

/** Real data-plane traffic: `count` GET /cities with the key in `x-api-key`. */
async function callWeather(keyValue: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const response = await fetch(`${weatherUrl}/cities`, { headers: { 'x-api-key': keyValue } });
    await response.arrayBuffer();
    statuses.push(response.status);
  }
  return statuses;
}

/** A new customer with a key in `planName`, as subscribing leaves them. */
async function subscribedCustomer(planName: string) {
  const sub = randomUUID();
  const { key, value } = await createCustomerKey(client, { sub, email: `${sub}@example.com` });
  await addKey(planName, key.id);
  return { sub, keyId: key.id, keyValue: value };
}

const addKey = (planName: string, keyId: string) =>
  client.send(
    new CreateUsagePlanKeyCommand({ usagePlanId: planIds[planName], keyId, keyType: 'API_KEY' }),
  );

const lastWeek = () => {
  const result = parseDateRange({ range: '7' }, Date.now());
  if (!result.ok) throw new Error(result.error);
  return result.range;
};

beforeAll(async () => {
  client = stackClients().apiGateway;
  const apis = await client.send(new GetRestApisCommand({ limit: 500 }));
  const weather = apis.items?.find((api) => api.name === 'Weather');
  if (!weather?.id) throw new Error('the seed has no Weather API');
  const port = inject('stackEnv').PORTICO_APIGATEWAY_PORT;
  weatherUrl = `http://127.0.0.1:${port}/restapis/${weather.id}/prod/_user_request_`;
  const plans = await client.send(new GetUsagePlansCommand({ limit: 500 }));
  planIds = Object.fromEntries((plans.items ?? []).map((plan) => [plan.name, plan.id]));
});

beforeEach(async () => {
  gatewayCache.invalidate();
  await resetEmulatorCalls();
});

describe('usage against the local API Gateway after real traffic', () => {
  it('shows a customer the requests they made, in the plan they left too, in bounded calls', async () => {
    const customer = await subscribedCustomer('Bronze');
    expect(await callWeather(customer.keyValue, 3)).toEqual([200, 200, 200]);
    // A tier move, as the portal makes it: out of Bronze, into Silver.
    await client.send(
      new DeleteUsagePlanKeyCommand({ usagePlanId: planIds.Bronze, keyId: customer.keyId }),
    );
    await addKey('Silver', customer.keyId);
    expect(await callWeather(customer.keyValue, 2)).toEqual([200, 200]);

    gatewayCache.invalidate();
    await resetEmulatorCalls();
    const range = lastWeek();
    const usage = await customerUsage(client, customer.sub, range, Date.now());

    expect(usage.series.totals).toEqual({
      byPlan: { [planIds.Silver!]: 2, [planIds.Bronze!]: 3 },
      total: 5,
    });
    expect(usage.series.points.at(-1)?.total).toBe(5);
    expect(usage.plans.map((plan) => [plan.name, plan.current])).toEqual([
      ['Silver', true],
      ['Bronze', false],
    ]);
    expect(usage.plans[0]?.gauge).toMatchObject({ limit: 100_000, used: 2, remaining: 99_998 });
    // One key: its plans, the account's plan list, and one GetUsage per plan on its stages.
    expect(await emulatorCalls()).toEqual({ GetApiKeys: 1, GetUsagePlans: 2, GetUsage: 3 });

    // Warm, usage comes from the 60 s cache; the key and its plans are read fresh each view,
    // because subscribing, moving and rotating change them and are not this module's writes.
    await resetEmulatorCalls();
    await customerUsage(client, customer.sub, range, Date.now());
    expect(await emulatorCalls()).toEqual({ GetApiKeys: 1, GetUsagePlans: 1 });
  });

  it('shows a new customer without a key nothing, in one call', async () => {
    const usage = await customerUsage(client, randomUUID(), lastWeek(), Date.now());
    expect(usage).toMatchObject({ hasKey: false, plans: [], series: { totals: { total: 0 } } });
    expect(usage.series.points).toHaveLength(7);
    expect(await emulatorCalls()).toEqual({ GetApiKeys: 1 });
  });

  it('shows admins the top consumers and who is above 80% of their quota, one GetUsage per plan', async () => {
    const busy = await subscribedCustomer('Gold');
    const quiet = await subscribedCustomer('Bronze');
    expect(await callWeather(busy.keyValue, 4)).toEqual([200, 200, 200, 200]);
    expect(await callWeather(quiet.keyValue, 1)).toEqual([200]);
    // Leave the busy customer one request of this period's quota: 4 used of 5 is 80%.
    await client.send(
      new UpdateUsageCommand({
        usagePlanId: planIds.Gold,
        keyId: busy.keyId,
        patchOperations: [{ op: 'replace', path: '/remaining', value: '1' }],
      }),
    );

    gatewayCache.invalidate();
    await resetEmulatorCalls();
    const usage = await adminUsage(client, lastWeek(), Date.now());

    const totals = Object.fromEntries(usage.consumers.map((c) => [c.id, c.total]));
    expect(totals[busy.sub]).toBe(4);
    expect(totals[quiet.sub]).toBe(1);
    const ranked = usage.consumers.map((c) => c.id);
    expect(ranked.indexOf(busy.sub)).toBeLessThan(ranked.indexOf(quiet.sub));
    expect(usage.nearQuota.map((entry) => [entry.consumer.id, entry.plan.name])).toContainEqual([
      busy.sub,
      'Gold',
    ]);
    expect(usage.nearQuota.some((entry) => entry.consumer.id === quiet.sub)).toBe(false);
    expect(usage.series.totals.byPlan[planIds.Gold!]).toBeGreaterThanOrEqual(4);
    expect(await emulatorCalls()).toEqual({
      GetUsagePlans: 1,
      GetApiKeys: 1,
      GetUsage: Object.keys(planIds).length,
    });

    await resetEmulatorCalls();
    await adminUsage(client, lastWeek(), Date.now());
    expect(totalCalls(await emulatorCalls())).toBe(0);
  });
});
