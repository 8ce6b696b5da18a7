import { describe, expect, it } from 'vitest';
import { buildCatalog } from './catalog-model';

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
      slug: 'weather',
      restApiId: 'w1',
      stage: 'prod',
      name: 'Weather',
      description: 'Forecasts',
      version: undefined,
      apiKeySource: 'HEADER',
      plans: [
        { id: 'b', name: 'Bronze' },
        { id: 'g', name: 'Gold' },
      ],
    });
    expect(catalog[0]?.apiKeySource).toBe('AUTHORIZER');
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
