import { describe, expect, it } from 'vitest';
import { gatewayEntry, genericEntry } from '../testing/catalog-entries';
import {
  catalogPlanNames,
  catalogQuerySchema,
  catalogTagNames,
  searchCatalog,
} from './catalog-search';

const api = (name: string, description: string, plans: string[], tags: string[] = []) =>
  gatewayEntry({
    name,
    description,
    tags,
    plans: plans.map((plan) => ({ id: plan, name: plan, audience: { kind: 'public' } })),
  });

const catalog = [
  api('Weather', 'Forecasts and current conditions', ['Bronze', 'Gold'], ['Climate']),
  api('Payments', 'Créer des paiements', ['Gold'], ['Money']),
  genericEntry({ name: 'Maps', description: 'Tiles', tags: ['Geo', 'Climate'] }),
];

const search = (query: Record<string, unknown>) =>
  searchCatalog(catalog, catalogQuerySchema.parse(query)).map((a) => a.name);

describe('searchCatalog', () => {
  it('returns everything for an empty query', () =>
    expect(search({})).toEqual(['Weather', 'Payments', 'Maps']));
  it('matches every word, ignoring case', () =>
    expect(search({ q: 'CURRENT forecasts' })).toEqual(['Weather']));
  it('ignores accents', () => expect(search({ q: 'creer paiements' })).toEqual(['Payments']));
  it('matches plan names', () => expect(search({ q: 'bronze' })).toEqual(['Weather']));
  it('filters by plan', () => expect(search({ plan: 'Bronze' })).toEqual(['Weather']));
  it('finds nothing for an unknown word', () => expect(search({ q: 'zebra' })).toEqual([]));
  it('treats malformed input as no filter', () =>
    expect(search({ q: ['a'], plan: 7, tag: {} })).toEqual(['Weather', 'Payments', 'Maps']));
  it('matches tags', () => expect(search({ q: 'geo' })).toEqual(['Maps']));
  it('filters by tag', () => expect(search({ tag: 'Climate' })).toEqual(['Weather', 'Maps']));
});

describe('catalogPlanNames', () => {
  it('lists each plan once', () => expect(catalogPlanNames(catalog)).toEqual(['Bronze', 'Gold']));
});

describe('catalogTagNames', () => {
  it('lists each tag once, alphabetically', () =>
    expect(catalogTagNames(catalog)).toEqual(['Climate', 'Geo', 'Money']));
});
