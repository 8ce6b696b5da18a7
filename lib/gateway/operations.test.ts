import { describe, expect, it } from 'vitest';
import { operationAnchor, operationsByTag } from './operations';

describe('operationsByTag', () => {
  it('groups by first tag in declared order, untagged last', () => {
    const groups = operationsByTag({
      tags: [{ name: 'Forecasts' }, { name: 'Cities' }, { name: 'Unused' }],
      paths: {
        '/health': { get: { summary: 'Health' } },
        '/cities': { get: { tags: ['Cities'], security: [{ api_key: [] }] } },
        '/forecast/{city}': {
          parameters: [],
          get: {
            tags: ['Forecasts', 'Cities'],
            operationId: 'getForecast',
            security: [{ api_key: [] }],
          },
        },
      },
    });
    expect(groups).toEqual([
      {
        tag: 'Forecasts',
        operations: [
          {
            method: 'GET',
            path: '/forecast/{city}',
            summary: undefined,
            operationId: 'getForecast',
            requiresKey: true,
          },
        ],
      },
      {
        tag: 'Cities',
        operations: [
          {
            method: 'GET',
            path: '/cities',
            summary: undefined,
            operationId: undefined,
            requiresKey: true,
          },
        ],
      },
      {
        tag: 'Other operations',
        operations: [
          {
            method: 'GET',
            path: '/health',
            summary: 'Health',
            operationId: undefined,
            requiresKey: false,
          },
        ],
      },
    ]);
  });

  it('applies document-wide security to operations without their own', () => {
    const [group] = operationsByTag({ security: [{ api_key: [] }], paths: { '/a': { post: {} } } });
    expect(group?.operations[0]?.requiresKey).toBe(true);
  });

  it('copes with a document without paths', () => expect(operationsByTag({})).toEqual([]));
});

describe('operationAnchor', () => {
  it('uses the operation id, as guides link to it', () =>
    expect(operationAnchor({ method: 'GET', path: '/x', operationId: 'getForecast' })).toBe(
      'op-getForecast',
    ));
  it('falls back on the method and path', () =>
    expect(operationAnchor({ method: 'DELETE', path: '/forecast/{city}/days' })).toBe(
      'op-delete-forecast-city-days',
    ));
  it('names the root path by its method', () =>
    expect(operationAnchor({ method: 'GET', path: '/' })).toBe('op-get'));
});
