import { describe, expect, it } from 'vitest';
import { summariseDocument } from './document-summary';

describe('summariseDocument', () => {
  it("keeps each operation with its first tag, and each schema's description or title", () =>
    expect(
      summariseDocument({
        tags: [{ name: 'Forecasts' }],
        paths: {
          '/forecast': {
            get: { tags: ['Forecasts'], operationId: 'getForecast', summary: 'Days' },
          },
          '/health': { head: {} },
        },
        components: {
          schemas: {
            Forecast: { description: 'x'.repeat(400) },
            City: { title: 'A city' },
            Id: {},
          },
        },
      }),
    ).toEqual({
      operations: [
        {
          method: 'GET',
          path: '/forecast',
          summary: 'Days',
          operationId: 'getForecast',
          tag: 'Forecasts',
        },
        {
          method: 'HEAD',
          path: '/health',
          summary: undefined,
          operationId: undefined,
          tag: 'Other operations',
        },
      ],
      schemas: [
        { name: 'Forecast', description: 'x'.repeat(300) },
        { name: 'City', description: 'A city' },
        { name: 'Id', description: undefined },
      ],
    }));
  it('summarises a document without paths or components as empty', () =>
    expect(summariseDocument({ openapi: '3.0.3' })).toEqual({ operations: [], schemas: [] }));
});
