import {
  GetApiKeysCommand,
  GetRestApisCommand,
  GetUsagePlanKeysCommand,
  GetUsagePlansCommand,
  type APIGatewayClient,
} from '@aws-sdk/client-api-gateway';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { RateLimiter } from '../auth/rate-limit';
import { activeKey, findCustomerKeys } from '../gateway/customer-keys';
import { copyOfTag } from '../gateway/key-copies';
import { deleteKey, setKeyEnabled } from '../gateway/keys';
import { sweepCustomerUsage, sweepUsage } from '../gateway/usage-sweep';
import { gatewayKeyRecords } from '../store/read-model-keys';
import { newCustomer, testPortalDeps } from '../testing/portal-deps';
import { runTryRequest } from '../try-it/try-request';
import { customerUsage } from '../usage/customer-usage';
import { parseDateRange } from '../usage/date-range';
import { retireCustomerKeys, revealKey, rotateKey } from './keys';
import { subscribe } from './subscriptions';

/**
 * Bronze and Silver span the local stack's two Regions (local/seed's `peerSeed`): Weather lives
 * in the home emulator, Geocoding in the second one. Gold is the home Region's alone.
 */
const deps = testPortalDeps();
const peer = deps.peers?.[0];
const homePlans: Record<string, string> = {};
const peerPlans: Record<string, string> = {};
let weatherUrl = '';
let geocodingUrl = '';

async function planIds(client: APIGatewayClient, into: Record<string, string>) {
  const plans = await client.send(new GetUsagePlansCommand({ limit: 500 }));
  for (const plan of plans.items ?? []) if (plan.name && plan.id) into[plan.name] = plan.id;
}

async function stageUrl(client: APIGatewayClient, port: string, name: string) {
  const apis = await client.send(new GetRestApisCommand({ limit: 500 }));
  const id = apis.items?.find((api) => api.name === name)?.id;
  if (!id) throw new Error(`the seed has no ${name} API`);
  return `http://127.0.0.1:${port}/restapis/${id}/prod/_user_request_`;
}

const call = async (url: string, key: string) => {
  const response = await fetch(url, { headers: { 'x-api-key': key } });
  await response.arrayBuffer();
  return response.status;
};
const weather = (key: string) => call(`${weatherUrl}/cities`, key);
const geocoding = (key: string) => call(`${geocodingUrl}/places?q=dublin`, key);

async function peerKeysOf(sub: string) {
  if (!peer) throw new Error('the local stack has no second Region');
  const keys = await peer.client.send(
    new GetApiKeysCommand({ nameQuery: `portico-${sub}`, customerId: sub, includeValues: true }),
  );
  return keys.items ?? [];
}

async function peerPlanKeys(planName: string) {
  if (!peer) throw new Error('the local stack has no second Region');
  const keys = await peer.client.send(
    new GetUsagePlanKeysCommand({ usagePlanId: peerPlans[planName], limit: 500 }),
  );
  return (keys.items ?? []).map((key) => key.id);
}

beforeAll(async () => {
  if (!peer) throw new Error('the local stack has no second Region');
  const env = inject('stackEnv');
  const peerPort = new URL(JSON.parse(env.PORTICO_GATEWAYS ?? '[]')[1].endpoint).port;
  await planIds(deps.apiGateway, homePlans);
  await planIds(peer.client, peerPlans);
  weatherUrl = await stageUrl(deps.apiGateway, env.PORTICO_APIGATEWAY_PORT ?? '', 'Weather');
  geocodingUrl = await stageUrl(peer.client, peerPort, 'Geocoding');
});

describe('a plan that spans two Regions', () => {
  it('gives the subscriber one key value that works in both Regions, recorded per gateway', async () => {
    const customer = await newCustomer();
    expect(await subscribe(deps, customer, homePlans.Bronze ?? '')).toBe('subscribed');
    const value = await revealKey(deps, customer);
    expect(await weather(value)).toBe(200);
    expect(await geocoding(value)).toBe(200);

    const home = activeKey(await findCustomerKeys(deps.apiGateway, customer.sub));
    const [copy] = await peerKeysOf(customer.sub);
    expect(copy).toMatchObject({ value, customerId: customer.sub, enabled: true });
    expect(copy?.tags?.[copyOfTag]).toBe(home?.id);
    expect(await peerPlanKeys('Bronze')).toContain(copy?.id);

    const records = await gatewayKeyRecords(deps, 'eu-west-1');
    expect(records.find((record) => record.id === copy?.id)).toMatchObject({
      gateway: 'eu-west-1',
      customerId: customer.sub,
      planIds: [peerPlans.Bronze],
    });
  });

  it('moves the copy with the key between spanning tiers, and out where a tier stays home', async () => {
    const customer = await newCustomer();
    await subscribe(deps, customer, homePlans.Bronze ?? '');
    expect(await subscribe(deps, customer, homePlans.Silver ?? '')).toBe('moved');
    const [copy] = await peerKeysOf(customer.sub);
    expect(await peerPlanKeys('Silver')).toContain(copy?.id);
    expect(await peerPlanKeys('Bronze')).not.toContain(copy?.id);

    expect(await subscribe(deps, customer, homePlans.Gold ?? '', { viaApproval: true })).toBe(
      'moved',
    );
    const value = await revealKey(deps, customer);
    expect(await weather(value)).toBe(200);
    expect(await geocoding(value)).toBe(403);
  });

  it('rotates in step: the new value works in both Regions, the old one until its grace ends', async () => {
    const customer = await newCustomer();
    await subscribe(deps, customer, homePlans.Bronze ?? '');
    const oldValue = await revealKey(deps, customer);
    const { value } = await rotateKey(deps, customer);
    expect(value).not.toBe(oldValue);
    for (const key of [value, oldValue]) {
      expect(await weather(key)).toBe(200);
      expect(await geocoding(key)).toBe(200);
    }
    expect((await peerKeysOf(customer.sub)).map((key) => key.value).sort()).toEqual(
      [value, oldValue].sort(),
    );
  });

  it('disables and closes in step: no copy keeps working', async () => {
    const customer = await newCustomer();
    await subscribe(deps, customer, homePlans.Bronze ?? '');
    const value = await revealKey(deps, customer);
    const keyId = activeKey(await findCustomerKeys(deps.apiGateway, customer.sub))?.id ?? '';

    await setKeyEnabled(deps, keyId, false);
    expect(await geocoding(value)).toBe(403);
    expect((await peerKeysOf(customer.sub))[0]?.enabled).toBe(false);
    await setKeyEnabled(deps, keyId, true);
    expect(await geocoding(value)).toBe(200);

    await retireCustomerKeys(deps, customer);
    expect(await weather(value)).toBe(403);
    expect(await geocoding(value)).toBe(403);
    expect(await peerPlanKeys('Bronze')).not.toContain((await peerKeysOf(customer.sub))[0]?.id);
  });

  it('deletes the copies with the key', async () => {
    const customer = await newCustomer();
    await subscribe(deps, customer, homePlans.Bronze ?? '');
    const keyId = activeKey(await findCustomerKeys(deps.apiGateway, customer.sub))?.id ?? '';
    const [copy] = await peerKeysOf(customer.sub);
    await deleteKey(deps, keyId);
    expect(await peerKeysOf(customer.sub)).toEqual([]);
    const records = await gatewayKeyRecords(deps, 'eu-west-1');
    expect(records.some((record) => record.id === copy?.id)).toBe(false);
  });

  it("merges a customer's usage in both Regions under their one key and plan", async () => {
    const customer = await newCustomer();
    await subscribe(deps, customer, homePlans.Bronze ?? '');
    const value = await revealKey(deps, customer);
    for (let i = 0; i < 2; i += 1) expect(await weather(value)).toBe(200);
    for (let i = 0; i < 3; i += 1) expect(await geocoding(value)).toBe(200);
    const range = parseDateRange({ range: '7' }, Date.now());
    if (!range.ok) throw new Error(range.error);

    await sweepCustomerUsage(deps, customer.sub);
    const own = await customerUsage(deps, customer.sub, range.range, Date.now());
    expect(own.series.totals).toEqual({ byPlan: { [homePlans.Bronze ?? '']: 5 }, total: 5 });

    expect(await geocoding(value)).toBe(200);
    await sweepUsage(deps);
    const swept = await customerUsage(deps, customer.sub, range.range, Date.now());
    expect(swept.series.totals.total).toBe(6);
  });

  it("answers try-it on the second Region's API with the subscriber's key, added on the server", async () => {
    const customer = await newCustomer();
    await subscribe(deps, customer, homePlans.Bronze ?? '');
    const limiter = new RateLimiter(
      { name: `regions-try-${randomUUID()}`, limit: 100, windowMs: 1000 },
      () => deps,
    );
    const outcome = await runTryRequest(
      deps,
      {
        slug: 'geocoding',
        method: 'GET',
        pathname: '/api/try/geocoding/places',
        search: 'q=dublin',
        headers: new Headers(),
        body: null,
        caller: customer,
        viewer: { signedIn: true, isAdmin: false, groups: [] },
        clientIp: '198.51.100.9',
      },
      { limiter },
    );
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
    expect(outcome.envelope).toMatchObject({ status: 200, keySource: 'subscription' });
    expect(outcome.envelope.request.url).toContain(new URL(geocodingUrl).origin);
  });
});
