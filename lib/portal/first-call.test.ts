import { describe, expect, it } from 'vitest';
import { chooseFirstCall, curlCommand } from './first-call';

const groups = [
  {
    tag: 'Forecasts',
    operations: [
      { method: 'GET', path: '/forecast/{city}', requiresKey: true },
      { method: 'GET', path: '/health', requiresKey: false },
    ],
  },
  { tag: 'Cities', operations: [{ method: 'GET', path: '/cities', requiresKey: true }] },
];
const header = { in: 'header', name: 'x-api-key' } as const;

describe('the first call', () => {
  it('prefers a keyed GET that needs no path parameters', () => {
    expect(chooseFirstCall('Weather', 'https://api.test/prod', groups, header)).toEqual({
      apiName: 'Weather',
      method: 'GET',
      url: 'https://api.test/prod/cities',
      keyLocation: header,
    });
  });

  it('falls back to the first keyed operation, and to nothing without one', () => {
    const [forecasts] = groups;
    expect(chooseFirstCall('W', 'https://a', [forecasts!], header)?.url).toBe(
      'https://a/forecast/{city}',
    );
    expect(
      chooseFirstCall('W', 'https://a', [{ tag: 'x', operations: [] }], header),
    ).toBeUndefined();
  });

  it('puts the key where the API reads it', () => {
    const call = chooseFirstCall('Weather', 'https://a/prod', groups, header)!;
    expect(curlCommand(call, '$API_KEY')).toBe(
      'curl -X GET "https://a/prod/cities" -H "x-api-key: $API_KEY"',
    );
    const query = { ...call, keyLocation: { in: 'query', name: 'api_key' } as const };
    expect(curlCommand(query, 'abc')).toBe('curl -X GET "https://a/prod/cities?api_key=abc"');
  });
});
