import { describe, expect, it } from 'vitest';
import type { CatalogApi } from './catalog-model';
import { catalogPlanNames, catalogQuerySchema, searchCatalog } from './catalog-search';

const api = (name: string, description: string, plans: string[]): CatalogApi => ({
  slug: name.toLowerCase(),
  restApiId: name,
  stage: 'prod',
  name,
  description,
  apiKeySource: 'HEADER',
  plans: plans.map((plan) => ({ id: plan, name: plan })),
});

const catalog = [
  api('Weather', 'Forecasts and current conditions', ['Bronze', 'Gold']),
  api('Payments', 'Créer des paiements', ['Gold']),
];

const search = (query: Record<string, unknown>) =>
  searchCatalog(catalog, catalogQuerySchema.parse(query)).map((a) => a.name);

describe('searchCatalog', () => {
  it('returns everything for an empty query', () =>
    expect(search({})).toEqual(['Weather', 'Payments']));
  it('matches every word, ignoring case', () =>
    expect(search({ q: 'CURRENT forecasts' })).toEqual(['Weather']));
  it('ignores accents', () => expect(search({ q: 'creer paiements' })).toEqual(['Payments']));
  it('matches plan names', () => expect(search({ q: 'bronze' })).toEqual(['Weather']));
  it('filters by plan', () => expect(search({ plan: 'Bronze' })).toEqual(['Weather']));
  it('finds nothing for an unknown word', () => expect(search({ q: 'zebra' })).toEqual([]));
  it('treats malformed input as no filter', () =>
    expect(search({ q: ['a'], plan: 7 })).toEqual(['Weather', 'Payments']));
});

describe('catalogPlanNames', () => {
  it('lists each plan once', () => expect(catalogPlanNames(catalog)).toEqual(['Bronze', 'Gold']));
});
