import { beforeEach, describe, expect, it } from 'vitest';
import { emulatorCalls, resetEmulatorCalls, totalCalls } from '../testing/emulator-stats';
import { getApiDocument } from './api-docs';
import { gatewayCache } from './cache';
import { getCatalog } from './catalog';

describe('the catalog against the local API Gateway', () => {
  beforeEach(async () => {
    gatewayCache.invalidate();
    await resetEmulatorCalls();
  });

  it('is built from the seeded plans with two list calls cold and none warm', async () => {
    const catalog = await getCatalog();
    expect(catalog.map((api) => api.slug)).toEqual(['payments', 'weather']);
    expect(catalog[0]?.plans.map((plan) => plan.name)).toEqual(['Bronze', 'Silver', 'Gold']);
    expect(await emulatorCalls()).toEqual({ GetUsagePlans: 1, GetRestApis: 1 });

    await resetEmulatorCalls();
    await getCatalog();
    expect(totalCalls(await emulatorCalls())).toBe(0);
  });

  it("serves a docs page's document with one export cold and none warm", async () => {
    const weather = (await getCatalog()).find((api) => api.slug === 'weather');
    if (!weather) throw new Error('the seed has no Weather API');
    await resetEmulatorCalls();

    const document = await getApiDocument(weather);
    expect(document.baseUrl).toMatch(
      new RegExp(`/restapis/${weather.restApiId}/prod/_user_request_$`),
    );
    expect(document.keyLocation).toEqual({ in: 'header', name: 'x-api-key' });
    expect(JSON.stringify(document.spec)).not.toContain('x-amazon-apigateway');
    expect(await emulatorCalls()).toEqual({ GetExport: 1 });

    await resetEmulatorCalls();
    await getCatalog();
    await getApiDocument(weather);
    expect(totalCalls(await emulatorCalls())).toBe(0);
  });

  it('reads where the query-key API expects its key from the authorizer', async () => {
    const payments = (await getCatalog()).find((api) => api.slug === 'payments');
    if (!payments) throw new Error('the seed has no Payments API');
    const document = await getApiDocument(payments);
    expect(document.keyLocation).toEqual({ in: 'query', name: 'api_key' });
  });
});
