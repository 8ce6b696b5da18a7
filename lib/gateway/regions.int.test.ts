import { GetRestApisCommand, GetUsagePlansCommand } from '@aws-sdk/client-api-gateway';
import { beforeEach, describe, expect, it } from 'vitest';
import { gatewayRestApiRecords, planRecords } from '../store/read-model-plans';
import { stackClients } from '../testing/stack';
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
