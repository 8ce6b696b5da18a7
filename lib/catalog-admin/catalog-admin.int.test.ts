import { randomBytes } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { anonymousViewer } from '../audiences/audience';
import { getDocsDocument } from '../gateway/api-docs';
import { getAdminCatalog, getCatalog, getDocsCatalog } from '../gateway/catalog';
import { findCatalogEntry } from '../gateway/catalog-lookup';
import { readGenericSpecDocument } from '../store/generic-specs';
import { resetCatalogStore, testCatalogDeps } from '../testing/catalog-store';
import {
  CatalogAdminError,
  removeGenericSpec,
  setPublished,
  updateCatalogSettings,
  uploadGenericSpec,
} from './catalog-admin';

const admin = 'admin-it@example.test';
const deps = testCatalogDeps();

const maps = (description: string, paths = 1) => ({
  openapi: '3.0.3',
  info: { title: 'Maps', version: '1.0.0', description },
  servers: [{ url: 'https://maps.example.test/v1' }],
  paths: Object.fromEntries(
    Array.from({ length: paths }, (_, n) => [
      `/tiles/${n}`,
      { get: { summary: `Tile ${n}`, responses: { '200': { description: 'ok' } } } },
    ]),
  ),
});

async function seeded(slug: string) {
  const api = (await getAdminCatalog()).find((entry) => entry.slug === slug);
  if (!api) throw new Error(`the seed has no ${slug}`);
  return api;
}

const slugs = async () => (await getDocsCatalog()).map((api) => api.slug);

describe('catalog administration against the local stack', () => {
  afterEach(() => resetCatalogStore(deps));

  it('unpublishing hides an API from the catalog and its docs; republishing restores it', async () => {
    const weather = await seeded('weather');
    await setPublished(deps, admin, weather.entry, false);
    expect(await slugs()).toEqual(['geocoding', 'payments']);
    expect((await getCatalog()).map((api) => api.slug)).toEqual(['geocoding', 'payments']);
    expect(await findCatalogEntry('weather', anonymousViewer)).toBeUndefined();
    expect((await getAdminCatalog()).find((api) => api.entry === weather.entry)?.published).toBe(
      false,
    );

    await setPublished(deps, admin, weather.entry, true);
    expect(await slugs()).toEqual(['geocoding', 'payments', 'weather']);
  });

  it('shows the overrides and moves the docs to the new slug', async () => {
    const weather = await seeded('weather');
    await updateCatalogSettings(deps, admin, {
      entry: weather.entry,
      settings: {
        published: true,
        displayName: 'Forecasts',
        slug: 'forecasts',
        description: 'Daily **forecasts**',
        tags: ['Climate'],
        sortOrder: -1,
        accentColour: '#0ea5e9',
      },
    });
    const [first] = await getDocsCatalog();
    expect(first).toMatchObject({
      slug: 'forecasts',
      name: 'Forecasts',
      description: 'Daily **forecasts**',
      tags: ['Climate'],
      accentColour: '#0ea5e9',
    });
    expect(await findCatalogEntry('weather', anonymousViewer)).toBeUndefined();

    // Publishing again keeps every other setting.
    await setPublished(deps, admin, weather.entry, false);
    await setPublished(deps, admin, weather.entry, true);
    expect((await findCatalogEntry('forecasts', anonymousViewer))?.name).toBe('Forecasts');
  });

  it('refuses a slug another API shows, whoever gave it', async () => {
    const weather = await seeded('weather');
    const payments = await seeded('payments');
    const settings = { published: true, tags: [], sortOrder: 0 };
    await expect(
      updateCatalogSettings(deps, admin, {
        entry: payments.entry,
        settings: { ...settings, slug: 'weather' },
      }),
    ).rejects.toThrow('The slug "weather" is already used by Weather.');

    await updateCatalogSettings(deps, admin, {
      entry: weather.entry,
      settings: { ...settings, slug: 'forecasts' },
    });
    await expect(
      updateCatalogSettings(deps, admin, {
        entry: payments.entry,
        settings: { ...settings, slug: 'forecasts' },
      }),
    ).rejects.toBeInstanceOf(CatalogAdminError);
    // Weather gave "weather" up, so Payments may take it now.
    await updateCatalogSettings(deps, admin, {
      entry: payments.entry,
      settings: { ...settings, slug: 'weather' },
    });
    const names = (await getDocsCatalog()).map((api) => [api.name, api.slug]);
    expect(names).toEqual([
      ['Geocoding', 'geocoding'],
      ['Payments', 'weather'],
      ['Weather', 'forecasts'],
    ]);
  });

  it('round-trips a generic spec larger than a DynamoDB item, replaces and deletes it', async () => {
    // Random text barely compresses: the stored document stays far above 400 KB.
    const big = maps(randomBytes(900_000).toString('base64'), 200);
    const header = await uploadGenericSpec(deps, admin, JSON.stringify(big));
    expect(header.chunkCount).toBeGreaterThan(2);
    expect(header.storedBytes).toBeGreaterThan(400 * 1024);

    const entry = await findCatalogEntry('maps', anonymousViewer);
    expect(entry).toMatchObject({ kind: 'generic', name: 'Maps', plans: [] });
    expect((await getCatalog()).some((api) => api.slug === 'maps')).toBe(false);
    if (!entry) throw new Error('unreachable');
    const document = await getDocsDocument(entry);
    expect(document.spec).toEqual(big);
    expect(document.baseUrl).toBe('https://maps.example.test/v1');
    expect(document.keyLocation).toBeUndefined();

    const yaml = 'openapi: 3.1.0\ninfo:\n  title: Maps\n  version: "2.0.0"\npaths: {}\n';
    const replaced = await uploadGenericSpec(deps, admin, yaml, {
      id: header.id,
      revision: header.revision,
    });
    expect((await findCatalogEntry('maps', anonymousViewer))?.version).toBe('2.0.0');
    // A server that cached the old header finds the new document, not a broken one.
    expect(await readGenericSpecDocument(deps, header)).toMatchObject({ openapi: '3.1.0' });
    const chunks = await deps.dynamo.send(
      new QueryCommand({
        TableName: deps.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `SPEC#${header.id}` },
        ProjectionExpression: 'sk',
      }),
    );
    expect(chunks.Items?.map((item) => String(item.sk).split('#')[1])).toEqual([replaced.revision]);

    await expect(
      uploadGenericSpec(deps, admin, yaml, { id: header.id, revision: header.revision }),
    ).rejects.toThrow('replaced or deleted by someone else');

    await removeGenericSpec(deps, header.id);
    expect(await findCatalogEntry('maps', anonymousViewer)).toBeUndefined();
    await expect(removeGenericSpec(deps, header.id)).rejects.toThrow('already deleted');
  });

  it("refuses an invalid upload with the parser's message and location", async () => {
    await expect(uploadGenericSpec(deps, admin, 'openapi: 3.0.0\ninfo: [\n')).rejects.toThrow(
      /^Not valid YAML at line \d+, column \d+/,
    );
    await expect(
      uploadGenericSpec(deps, admin, JSON.stringify({ openapi: '3.0.0', info: { title: 'x' } })),
    ).rejects.toThrow('at /info/version');
    expect((await getAdminCatalog()).filter((api) => api.kind === 'generic')).toEqual([]);
  });

  it('applies settings to a generic spec and frees its slug when it is deleted', async () => {
    const header = await uploadGenericSpec(deps, admin, JSON.stringify(maps('Tiles')));
    const entry = `generic:${header.id}` as const;
    await updateCatalogSettings(deps, admin, {
      entry,
      settings: { published: true, slug: 'tiles', tags: ['Geo'], sortOrder: 0 },
    });
    expect((await findCatalogEntry('tiles', anonymousViewer))?.tags).toEqual(['Geo']);
    await setPublished(deps, admin, entry, false);
    expect(await findCatalogEntry('tiles', anonymousViewer)).toBeUndefined();

    await removeGenericSpec(deps, header.id);
    const weather = await seeded('weather');
    await updateCatalogSettings(deps, admin, {
      entry: weather.entry,
      settings: { published: true, slug: 'tiles', tags: [], sortOrder: 0 },
    });
    expect(await slugs()).toContain('tiles');
  });
});
