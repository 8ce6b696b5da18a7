import { randomUUID } from 'node:crypto';
import {
  GetRestApisCommand,
  GetUsagePlansCommand,
  UpdateUsageCommand,
  type APIGatewayClient,
} from '@aws-sdk/client-api-gateway';
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { gatewayCache } from '../gateway/cache';
import { createCustomerKey } from '../gateway/customer-keys';
import { gatewayPlanAssociations } from '../gateway/plan-associations';
import { sweepUsage } from '../gateway/usage-sweep';
import type { PortalDeps } from '../portal/deps';
import { deletePlanRecord, planRecords, putPlanRecord } from '../store/read-model-plans';
import { emulatorCalls, resetEmulatorCalls, totalCalls } from '../testing/emulator-stats';
import { testPortalDeps } from '../testing/portal-deps';
import { adminUsage } from './admin-usage';
import { customerUsage } from './customer-usage';
import { parseDateRange } from './date-range';
import { customerQuotaUsage } from './quota-status';

let deps: PortalDeps;
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
  const { key, value } = await createCustomerKey(deps, { sub, email: `${sub}@example.com` });
  await addKey(planName, key.id);
  return { sub, keyId: key.id, keyValue: value };
}

const addKey = (planName: string, keyId: string) =>
  gatewayPlanAssociations(deps).add(planIds[planName] ?? '', keyId);

const lastWeek = () => {
  const result = parseDateRange({ range: '7' }, Date.now());
  if (!result.ok) throw new Error(result.error);
  return result.range;
};

beforeAll(async () => {
  deps = testPortalDeps();
  client = deps.apiGateway;
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
  it('shows a customer the requests they made, in the plan they left too, from snapshots', async () => {
    const customer = await subscribedCustomer('Bronze');
    expect(await callWeather(customer.keyValue, 3)).toEqual([200, 200, 200]);
    // A tier move, as the portal makes it: out of Bronze, into Silver.
    await gatewayPlanAssociations(deps).remove(planIds.Bronze ?? '', customer.keyId);
    await addKey('Silver', customer.keyId);
    expect(await callWeather(customer.keyValue, 2)).toEqual([200, 200]);

    // The sweep: one GetUsage per plan (a page holds 500 keys), never one per key.
    await resetEmulatorCalls();
    await sweepUsage(deps);
    expect(await emulatorCalls()).toEqual({ GetUsage: Object.keys(planIds).length });

    await resetEmulatorCalls();
    const range = lastWeek();
    const usage = await customerUsage(deps, customer.sub, range, Date.now());

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
    const quotas = await customerQuotaUsage(deps, customer.sub, Date.now());
    expect(quotas.map((quota) => [quota.planName, quota.used, quota.limit])).toEqual([
      ['Silver', 2, 100_000],
    ]);
    expect(quotas[0]?.snapshotAt).toBeGreaterThan(Date.now() - 60_000);
    // Page views read the read model and the snapshots: API Gateway is not asked at all.
    expect(totalCalls(await emulatorCalls())).toBe(0);
  });

  it('snapshots every plan but one deleted outside the portal, whose record waits for the sync', async () => {
    const customer = await subscribedCustomer('Bronze');
    expect(await callWeather(customer.keyValue, 1)).toEqual([200]);
    const [recorded] = await planRecords(deps);
    if (!recorded) throw new Error('the read model has no plans');
    const gone = { ...recorded, id: `gone${randomUUID().slice(0, 6)}` };
    await putPlanRecord(deps, gone);
    try {
      await sweepUsage(deps);
    } finally {
      await deletePlanRecord(deps, gone.id);
    }
    const usage = await customerUsage(deps, customer.sub, lastWeek(), Date.now());
    expect(usage.series.totals.total).toBe(1);
  });

  it('shows a new customer without a key nothing, without a call', async () => {
    const usage = await customerUsage(deps, randomUUID(), lastWeek(), Date.now());
    expect(usage).toMatchObject({ hasKey: false, plans: [], series: { totals: { total: 0 } } });
    expect(usage.series.points).toHaveLength(7);
    expect(totalCalls(await emulatorCalls())).toBe(0);
  });

  it('shows admins the top consumers and who is above 80% of their quota, from snapshots', async () => {
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

    await sweepUsage(deps);
    await resetEmulatorCalls();
    const usage = await adminUsage(deps, lastWeek(), Date.now());

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
    expect(totalCalls(await emulatorCalls())).toBe(0);
  });
});
