import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { updateCatalogSettings, uploadGenericSpec } from '../catalog-admin/catalog-admin';
import {
  countPortalDynamoCalls,
  resetCatalogStore,
  testCatalogDeps,
} from '../testing/catalog-store';
import { emulatorCalls, resetEmulatorCalls, totalCalls } from '../testing/emulator-stats';
import { getApiDocument, getDocsDocument } from './api-docs';
import { gatewayCache } from './cache';
import { getCatalog, getDocsCatalog } from './catalog';

const dynamo = countPortalDynamoCalls();

describe('the catalog against the local API Gateway', () => {
  beforeEach(async () => {
    gatewayCache.invalidate();
    await resetEmulatorCalls();
    dynamo.calls.length = 0;
  });
  afterAll(() => resetCatalogStore());

  it('is built from the read model with three Queries cold and no API Gateway call, none warm', async () => {
    const catalog = await getCatalog();
    expect(catalog.map((api) => api.slug)).toEqual(['geocoding', 'payments', 'weather']);
    const payments = catalog.find((api) => api.slug === 'payments');
    expect(payments?.plans.map((plan) => plan.name)).toEqual(['Bronze', 'Silver', 'Gold']);
    expect(totalCalls(await emulatorCalls())).toBe(0);
    expect(dynamo.calls).toEqual(['QueryCommand', 'QueryCommand', 'QueryCommand']);

    await resetEmulatorCalls();
    dynamo.calls.length = 0;
    await getCatalog();
    await getDocsCatalog();
    expect(totalCalls(await emulatorCalls())).toBe(0);
    expect(dynamo.calls).toEqual([]);
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
    dynamo.calls.length = 0;
    await getDocsCatalog();
    await getDocsDocument(weather);
    expect(totalCalls(await emulatorCalls())).toBe(0);
    expect(dynamo.calls).toEqual([]);
  });

  it('stays warm after an admin change: the settings are read again, API Gateway is not', async () => {
    const weather = (await getCatalog()).find((api) => api.slug === 'weather');
    if (!weather) throw new Error('the seed has no Weather API');
    await getApiDocument(weather);
    await resetEmulatorCalls();

    const settings = { published: true, displayName: 'Forecasts', tags: [], sortOrder: 0 };
    dynamo.calls.length = 0;
    await updateCatalogSettings(testCatalogDeps(), 'it@example.test', {
      entry: weather.entry,
      settings,
    });
    // The change itself reads the settings again (to index the renamed entry for search)…
    expect(dynamo.calls).toContain('QueryCommand');
    dynamo.calls.length = 0;
    const renamed = (await getDocsCatalog()).find((api) => api.entry === weather.entry);
    expect(renamed?.name).toBe('Forecasts');
    await getDocsDocument(weather);
    // …so the pages after it are warm, and the document is never exported again.
    expect(totalCalls(await emulatorCalls())).toBe(0);
    expect(dynamo.calls).toEqual([]);
  });

  it("serves a generic spec's docs page with one Query for its chunks cold and no call warm", async () => {
    const yaml = 'openapi: 3.1.0\ninfo:\n  title: Maps\n  version: "1"\npaths: {}\n';
    await uploadGenericSpec(testCatalogDeps(), 'it@example.test', yaml);
    await getCatalog();
    await resetEmulatorCalls();
    dynamo.calls.length = 0;

    const maps = (await getDocsCatalog()).find((api) => api.slug === 'maps');
    if (!maps) throw new Error('the upload is not in the catalog');
    expect((await getDocsDocument(maps)).spec).toMatchObject({ info: { title: 'Maps' } });
    expect(dynamo.calls).toEqual(['QueryCommand']);

    dynamo.calls.length = 0;
    await getDocsCatalog();
    await getDocsDocument(maps);
    expect(dynamo.calls).toEqual([]);
    expect(totalCalls(await emulatorCalls())).toBe(0);
  });

  it('reads where the query-key API expects its key from the authorizer', async () => {
    const payments = (await getCatalog()).find((api) => api.slug === 'payments');
    if (!payments) throw new Error('the seed has no Payments API');
    const document = await getApiDocument(payments);
    expect(document.keyLocation).toEqual({ in: 'query', name: 'api_key' });
  });
});
