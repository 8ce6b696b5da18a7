import {
  CreateUsagePlanCommand,
  DeleteApiKeyCommand,
  DeleteUsagePlanCommand,
  DeleteUsagePlanKeyCommand,
  GetApiKeysCommand,
  GetRestApisCommand,
  GetUsagePlanKeysCommand,
  GetUsagePlansCommand,
  UpdateApiKeyCommand,
} from '@aws-sdk/client-api-gateway';
import { AdminDisableUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createPlan, deletePlan } from '../admin/plans';
import { revealKey } from '../portal/keys';
import { subscribe, unsubscribe } from '../portal/subscriptions';
import { gatewayKeyRecords } from '../store/read-model-keys';
import { gatewayRestApiRecords, planRecords } from '../store/read-model-plans';
import { emulatorCalls, resetEmulatorCalls } from '../testing/emulator-stats';
import { testAdminDeps } from '../testing/admin-deps';
import { newCustomer } from '../testing/portal-deps';
import { planFormSchema } from '../validation/plan-form';
import { stackClients } from '../testing/stack';
import { activeKey, findCustomerKeys } from './customer-keys';
import { copyOfTag } from './key-copies';
import { setKeyEnabled } from './keys';
import { getApiDocument } from './api-docs';
import { gatewayCache } from './cache';
import { getCatalog } from './catalog';
import { syncReadModel } from './sync';

/** The local stack's second emulator stands for eu-west-1 (local/seed's `peerSeed`). */
const clients = () => stackClients();
const peer = () => {
  const [first] = clients().peers;
  if (!first) throw new Error('the local stack has no second Region');
  return first;
};
const recordDeps = () => {
  const { dynamo, config } = clients();
  return { dynamo, tableName: config.tableName, now: Date.now };
};

describe('a catalog over two Regions', () => {
  beforeEach(() => gatewayCache.invalidate());

  it('is configured with the home Region first and the second emulator after it', () => {
    const { config } = clients();
    expect(config.gateways.map((gateway) => gateway.id)).toEqual(['us-east-1', 'eu-west-1']);
    expect(peer().id).toBe('eu-west-1');
  });

  it("records the second Region's APIs and plans under its id after a sync", async () => {
    const { apiGateway, dynamo, config } = clients();
    await syncReadModel(
      { apiGateway, peers: clients().peers, dynamo, tableName: config.tableName, now: Date.now },
      'admin',
    );
    const peerApis = await gatewayRestApiRecords(recordDeps(), 'eu-west-1');
    expect(peerApis.map((api) => [api.name, api.gateway])).toEqual([['Geocoding', 'eu-west-1']]);
    const homeApis = await gatewayRestApiRecords(recordDeps());
    expect(homeApis.map((api) => api.name).sort()).toEqual(['Payments', 'Weather']);
  });

  it("lists the second Region's API with the home plans that span it, by their home ids", async () => {
    const homePlans = await clients().apiGateway.send(new GetUsagePlansCommand({ limit: 500 }));
    const homeId = (name: string) => homePlans.items?.find((plan) => plan.name === name)?.id;
    const peerApis = await peer().client.send(new GetRestApisCommand({ limit: 500 }));
    const geocodingId = peerApis.items?.find((api) => api.name === 'Geocoding')?.id;

    const catalog = await getCatalog();
    const geocoding = catalog.find((api) => api.slug === 'geocoding');
    expect(geocoding).toMatchObject({
      restApiId: geocodingId,
      stage: 'prod',
      gateway: 'eu-west-1',
    });
    expect(geocoding?.plans.map((plan) => [plan.name, plan.id])).toEqual([
      ['Bronze', homeId('Bronze')],
      ['Silver', homeId('Silver')],
    ]);
    expect(catalog.find((api) => api.slug === 'weather')?.gateway).toBeUndefined();
  });

  it('shows each spanning plan once, with its stages in both Regions and its namesake linked', async () => {
    const peerPlans = await peer().client.send(new GetUsagePlansCommand({ limit: 500 }));
    const bronze = (await planRecords(recordDeps())).filter((plan) => plan.name === 'Bronze');
    expect(bronze).toHaveLength(1);
    expect(bronze[0]?.apiStages).toHaveLength(3);
    expect(bronze[0]?.linked).toEqual([
      { gateway: 'eu-west-1', id: peerPlans.items?.find((plan) => plan.name === 'Bronze')?.id },
    ]);
    const gold = (await planRecords(recordDeps())).find((plan) => plan.name === 'Gold');
    expect(gold?.linked).toBeUndefined();
  });

  it("takes the docs of the second Region's API from its own emulator", async () => {
    const geocoding = (await getCatalog()).find((api) => api.slug === 'geocoding');
    if (!geocoding) throw new Error('the seed has no Geocoding API');
    const document = await getApiDocument(geocoding);
    const peerEndpoint = clients().config.gateways[1]?.endpoint ?? '';
    expect(document.baseUrl).toBe(
      `${peerEndpoint}/restapis/${geocoding.restApiId}/prod/_user_request_`,
    );
  });
});

describe('the sync over two Regions', () => {
  const deps = testAdminDeps();
  const gateways = [undefined, 'eu-west-1'] as const;
  const namesOf = async (client: typeof deps.apiGateway) => {
    const plans = await client.send(new GetUsagePlansCommand({ limit: 500 }));
    return (name: string) => plans.items?.find((plan) => plan.name === name)?.id ?? '';
  };

  /** A customer subscribed to Bronze: their home key, its copy and the plans' ids. */
  async function bronzeSubscriber() {
    const customer = await newCustomer();
    const bronze = (await namesOf(deps.apiGateway))('Bronze');
    const peerBronze = (await namesOf(peer().client))('Bronze');
    await subscribe(deps, customer, bronze);
    const value = await revealKey(deps, customer);
    const home = activeKey(await findCustomerKeys(deps.apiGateway, customer.sub));
    return {
      customer,
      value,
      homeId: home?.id ?? '',
      peerBronze,
      copies: () => copiesOf(customer.sub),
    };
  }

  async function copiesOf(sub: string) {
    const keys = await peer().client.send(
      new GetApiKeysCommand({ nameQuery: `portico-${sub}`, customerId: sub, includeValues: true }),
    );
    return keys.items ?? [];
  }

  const namesakeKeys = async (usagePlanId: string) =>
    (
      (await peer().client.send(new GetUsagePlanKeysCommand({ usagePlanId, limit: 500 }))).items ??
      []
    ).map((key) => key.id);

  /** Each emulator's control-plane calls per operation during one sync. */
  async function syncCalls() {
    for (const gateway of gateways) await resetEmulatorCalls(gateway);
    await syncReadModel(deps, 'admin');
    return Promise.all(gateways.map((gateway) => emulatorCalls(gateway)));
  }

  /** What one sync called beyond another, per gateway and operation. */
  const extra = (after: Record<string, number>[], before: Record<string, number>[]) =>
    after.map((calls, index) =>
      Object.fromEntries(
        Object.entries(calls).flatMap(([operation, count]) => {
          const more = count - (before[index]?.[operation] ?? 0);
          return more === 0 ? [] : [[operation, more]];
        }),
      ),
    );

  it("puts back a key copy deleted behind the portal's back, with the same value and plan", async () => {
    const subscriber = await bronzeSubscriber();
    const [lost] = await subscriber.copies();
    await syncReadModel(deps, 'admin');
    const steady = await syncCalls();

    await peer().client.send(new DeleteApiKeyCommand({ apiKey: lost?.id ?? '' }));
    expect(await subscriber.copies()).toEqual([]);
    const repairing = await syncCalls();

    const [copy] = await subscriber.copies();
    expect(copy).toMatchObject({ value: subscriber.value, enabled: true });
    expect(copy?.id).not.toBe(lost?.id);
    expect(copy?.tags?.[copyOfTag]).toBe(subscriber.homeId);
    expect(await namesakeKeys(subscriber.peerBronze)).toContain(copy?.id);
    const records = await gatewayKeyRecords(deps, 'eu-west-1');
    expect(records.find((record) => record.id === copy?.id)?.planIds).toEqual([
      subscriber.peerBronze,
    ]);
    expect(records.some((record) => record.id === lost?.id)).toBe(false);
    // The repair's cost: re-checks at home, the copy and its membership; the reads stay paged.
    expect(extra(repairing, steady)).toEqual([
      { GetApiKey: 1, GetUsagePlanKey: 1 },
      { CreateApiKey: 1, CreateUsagePlanKey: 1 },
    ]);
  });

  it("disables a copy enabled behind the portal's back while its home key is disabled", async () => {
    const subscriber = await bronzeSubscriber();
    await setKeyEnabled(deps, subscriber.homeId, false);
    const [copy] = await subscriber.copies();
    expect(copy?.enabled).toBe(false);
    await peer().client.send(
      new UpdateApiKeyCommand({
        apiKey: copy?.id ?? '',
        patchOperations: [{ op: 'replace', path: '/enabled', value: 'true' }],
      }),
    );

    await syncReadModel(deps, 'admin');

    expect((await subscriber.copies())[0]).toMatchObject({ id: copy?.id, enabled: false });
    const records = await gatewayKeyRecords(deps, 'eu-west-1');
    expect(records.find((record) => record.id === copy?.id)?.enabled).toBe(false);
  });

  it('puts a copy back into the namesake plan it was taken out of', async () => {
    const subscriber = await bronzeSubscriber();
    const [copy] = await subscriber.copies();
    await syncReadModel(deps, 'admin');
    const steady = await syncCalls();

    await peer().client.send(
      new DeleteUsagePlanKeyCommand({ usagePlanId: subscriber.peerBronze, keyId: copy?.id ?? '' }),
    );
    const repairing = await syncCalls();

    expect(await namesakeKeys(subscriber.peerBronze)).toContain(copy?.id);
    const records = await gatewayKeyRecords(deps, 'eu-west-1');
    expect(records.find((record) => record.id === copy?.id)?.planIds).toEqual([
      subscriber.peerBronze,
    ]);
    expect(extra(repairing, steady)).toEqual([{ GetUsagePlanKey: 1 }, { CreateUsagePlanKey: 1 }]);
  });

  it("restores no copy for an account disabled behind the portal's back", async () => {
    const subscriber = await bronzeSubscriber();
    const [lost] = await subscriber.copies();
    await peer().client.send(new DeleteApiKeyCommand({ apiKey: lost?.id ?? '' }));
    await deps.cognito.send(
      new AdminDisableUserCommand({
        UserPoolId: deps.userPoolId,
        Username: subscriber.customer.sub,
      }),
    );
    await syncReadModel(deps, 'admin');
    expect(await subscriber.copies()).toEqual([]);
  });

  it('gives the subscribers of a plan a copy in a namesake added later, at the next sync', async () => {
    const admin = { sub: 'admin-sub', email: 'admin@portico.local' };
    const name = `Later ${randomUUID().slice(0, 8)}`;
    const weather = (
      await clients().apiGateway.send(new GetRestApisCommand({ limit: 500 }))
    ).items?.find((api) => api.name === 'Weather');
    const planId = await createPlan(
      deps,
      admin,
      planFormSchema.parse({ name, order: '96', visibility: 'public', approval: 'auto' }),
      `${weather?.id}:prod`,
    );
    const customer = await newCustomer();
    await subscribe(deps, customer, planId);
    expect(await copiesOf(customer.sub)).toEqual([]);
    const geocoding = (
      await peer().client.send(new GetRestApisCommand({ limit: 500 }))
    ).items?.find((api) => api.name === 'Geocoding');
    const namesake = await peer().client.send(
      new CreateUsagePlanCommand({ name, apiStages: [{ apiId: geocoding?.id, stage: 'prod' }] }),
    );
    try {
      await syncReadModel(deps, 'admin');
      const [copy] = await copiesOf(customer.sub);
      expect(copy?.value).toBe(await revealKey(deps, customer));
      expect(await namesakeKeys(namesake.id ?? '')).toEqual([copy?.id]);
    } finally {
      await unsubscribe(deps, customer, planId);
      await deletePlan(deps, admin, planId);
      await peer().client.send(new DeleteUsagePlanCommand({ usagePlanId: namesake.id }));
      await syncReadModel(deps, 'admin');
    }
  });
});
