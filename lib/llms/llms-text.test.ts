import { describe, expect, it } from 'vitest';
import { gatewayEntry } from '../testing/catalog-entries';
import { apiMarkdown, llmsIndex } from './llms-text';

const weather = gatewayEntry({ name: 'Weather', description: 'Forecasts\nand cities' });

describe('llms.txt', () => {
  it('lists exactly the APIs and guides it is given, each with an absolute link', () => {
    const text = llmsIndex(
      'https://portal.test',
      [weather],
      [
        {
          id: 'g',
          title: 'Getting started',
          slug: 'getting-started',
          order: 1,
          body: '',
          audience: { kind: 'public' },
          publishedAt: 1,
        },
      ],
    );
    expect(text).toContain(
      '- [Weather](https://portal.test/apis/weather/llms.md): Forecasts and cities',
    );
    expect(text).toContain('- [Getting started](https://portal.test/guides/getting-started)');
    expect(llmsIndex('https://portal.test', [], [])).not.toContain('## Guides');
  });

  it('renders an API reference with every operation', () => {
    const text = apiMarkdown('https://portal.test', weather, {
      baseUrl: 'https://api.test/prod',
      authentication: 'Send your key in the `x-api-key` header.',
      groups: [
        {
          tag: 'Forecasts',
          operations: [
            {
              method: 'GET',
              path: '/cities/{city}/forecast',
              operationId: 'getForecast',
              summary: 'A forecast',
              requiresKey: true,
            },
          ],
        },
      ],
    });
    expect(text).toContain('# Weather');
    expect(text).toContain('- Base URL: https://api.test/prod');
    expect(text).toContain('### GET /cities/{city}/forecast');
    expect(text).toContain('Operation id: `getForecast`');
  });
});
