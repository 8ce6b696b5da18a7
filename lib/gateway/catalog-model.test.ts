import { describe, expect, it } from 'vitest';
import type { CatalogStore, StoredSettings } from '../store/catalog-settings';
import type { SpecHeader } from '../store/spec-header';
import { buildCatalog, catalogEntries } from './catalog-model';

const weather = {
  id: 'w1',
  name: 'Weather',
  description: 'Forecasts',
  apiKeySource: 'HEADER' as const,
};
const payments = { id: 'p1', name: 'Payments', apiKeySource: 'AUTHORIZER' as const };
const internal = { id: 'i1', name: 'Internal' };

const plan = (id: string, name: string, order: number, stages: [string, string][]) => ({
  id,
  name,
  tags: { 'portico:order': String(order) },
  apiStages: stages.map(([apiId, stage]) => ({ apiId, stage })),
});

describe('buildCatalog', () => {
  it('lists each covered stage once with its plans in display order', () => {
    const catalog = buildCatalog(
      [weather, payments, internal],
      [
        plan('g', 'Gold', 3, [
          ['w1', 'prod'],
          ['p1', 'prod'],
        ]),
        plan('b', 'Bronze', 1, [
          ['w1', 'prod'],
          ['p1', 'prod'],
        ]),
      ],
    );
    expect(catalog.map((api) => api.slug)).toEqual(['payments', 'weather']);
    expect(catalog[1]).toEqual({
      kind: 'gateway',
      entry: 'gateway:w1:prod',
      slug: 'weather',
      restApiId: 'w1',
      stage: 'prod',
      name: 'Weather',
      sourceName: 'Weather',
      description: 'Forecasts',
      describedByAdmin: false,
      version: undefined,
      tags: [],
      sortOrder: 0,
      accentColour: undefined,
      published: true,
      audience: { kind: 'public' },
      apiKeySource: 'HEADER',
      plans: [
        { id: 'b', name: 'Bronze', audience: { kind: 'public' } },
        { id: 'g', name: 'Gold', audience: { kind: 'public' } },
      ],
    });
    expect(catalog[0]).toMatchObject({ kind: 'gateway', apiKeySource: 'AUTHORIZER' });
  });

  it('leaves out APIs no plan covers', () => {
    expect(buildCatalog([internal], [plan('b', 'Bronze', 1, [['w1', 'prod']])])).toEqual([]);
  });

  it('gives two stages of one API distinct slugs', () => {
    const catalog = buildCatalog(
      [weather],
      [
        plan('b', 'Bronze', 1, [
          ['w1', 'prod'],
          ['w1', 'beta'],
        ]),
      ],
    );
    expect(catalog.map((api) => api.slug)).toEqual(['weather-beta', 'weather-prod']);
  });
});

const bronze = plan('b', 'Bronze', 1, [
  ['w1', 'prod'],
  ['p1', 'prod'],
]);

const settings = (entry: string, fields: Partial<StoredSettings> = {}): StoredSettings => ({
  entry,
  published: true,
  tags: [],
  sortOrder: 0,
  audience: { kind: 'public' },
  updatedAt: 0,
  updatedBy: 'admin@example.test',
  ...fields,
});

const spec = (id: string, title: string): SpecHeader => ({
  id,
  title,
  version: '2.1.0',
  description: 'Hosted elsewhere',
  revision: '00000000-0000-4000-8000-0000000000aa',
  chunkCount: 1,
  sha256: 'x',
  jsonBytes: 1,
  storedBytes: 1,
  format: 'yaml',
  uploadedAt: 0,
  uploadedBy: 'admin@example.test',
});

const mapsId = '00000000-0000-4000-8000-000000000001';
const withStore = (store: Partial<CatalogStore>) =>
  buildCatalog([weather, payments], [bronze], { settings: [], specs: [], ...store });

describe('buildCatalog with the admin settings', () => {
  it('leaves unpublished entries out, while catalogEntries keeps them for admins', () => {
    const store = { settings: [settings('gateway:w1:prod', { published: false })], specs: [] };
    expect(withStore(store).map((api) => api.slug)).toEqual(['payments']);
    const all = catalogEntries([weather, payments], [bronze], store);
    expect(all.map((api) => [api.slug, api.published])).toEqual([
      ['payments', true],
      ['weather', false],
    ]);
  });

  it('shows the overrides: name, slug, Markdown description, tags, colour', () => {
    const [api] = withStore({
      settings: [
        settings('gateway:w1:prod', {
          displayName: 'Forecasts',
          slug: 'forecasts',
          description: '**Daily** forecasts',
          tags: ['Climate'],
          accentColour: '#0ea5e9',
        }),
      ],
    });
    expect(api).toMatchObject({
      slug: 'forecasts',
      name: 'Forecasts',
      sourceName: 'Weather',
      description: '**Daily** forecasts',
      describedByAdmin: true,
      tags: ['Climate'],
      accentColour: '#0ea5e9',
    });
  });

  it('orders by sort order, then by name', () => {
    const catalog = withStore({ settings: [settings('gateway:w1:prod', { sortOrder: -1 })] });
    expect(catalog.map((api) => api.slug)).toEqual(['weather', 'payments']);
  });

  it("never gives an API another one's custom slug", () => {
    const catalog = withStore({ settings: [settings('gateway:p1:prod', { slug: 'weather' })] });
    expect(catalog.map((api) => [api.name, api.slug])).toEqual([
      ['Payments', 'weather'],
      ['Weather', 'weather-prod'],
    ]);
  });

  it('lists generic specs without plans, never taking a stage its slug', () => {
    const catalog = withStore({ specs: [spec(mapsId, 'Weather')] });
    const generic = catalog.find((api) => api.kind === 'generic');
    expect(generic).toMatchObject({
      entry: `generic:${mapsId}`,
      slug: 'weather-docs',
      name: 'Weather',
      version: '2.1.0',
      description: 'Hosted elsewhere',
      plans: [],
    });
    expect(catalog.find((api) => api.kind === 'gateway' && api.restApiId === 'w1')?.slug).toBe(
      'weather',
    );
  });

  it('applies settings to generic specs too', () => {
    const catalog = withStore({
      specs: [spec(mapsId, 'Maps')],
      settings: [settings(`generic:${mapsId}`, { published: false })],
    });
    expect(catalog.map((api) => api.slug)).toEqual(['payments', 'weather']);
  });
});
