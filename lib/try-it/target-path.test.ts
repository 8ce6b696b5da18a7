import { describe, expect, it } from 'vitest';
import { normaliseStagePath, stageUrl, tailAfterSlug } from './target-path';

const base = 'http://127.0.0.1:4010/restapis/abc123/prod/_user_request_';

describe('normaliseStagePath', () => {
  it.each([
    ['', '/'],
    ['/', '/'],
    ['/cities', '/cities'],
    ['/forecast/lisbon', '/forecast/lisbon'],
    ['/forecast/lisbon/', '/forecast/lisbon/'],
    ['/forecast/S%C3%A3o%20Paulo', '/forecast/S%C3%A3o%20Paulo'],
    ['/items/a:b@c', '/items/a:b@c'],
    ['/items/%7Bid%7D', '/items/%7Bid%7D'],
    // Decoded once, as API Gateway does: the upstream sees the literal text "%2e%2e".
    ['/files/%252e%252e', '/files/%252e%252e'],
  ])('keeps %s as %s', (raw, path) => {
    expect(normaliseStagePath(raw)).toEqual({ ok: true, path });
  });

  it.each([
    ['/..', 'dot segment'],
    ['/cities/..', 'dot segment at the end'],
    ['/.', 'single dot'],
    ['/%2e%2e/other-api', 'encoded dots'],
    ['/%2E%2E/other-api', 'upper-case encoded dots'],
    ['/.%2e/x', 'half-encoded dots'],
    ['/..%2fother', 'encoded slash after dots'],
    ['/..%2Fother', 'upper-case encoded slash'],
    ['/a%2fb', 'encoded slash'],
    ['/..%5cother', 'encoded backslash'],
    ['/..\\other', 'raw backslash'],
    ['//evil.example/x', 'protocol-relative URL'],
    ['/a//b', 'empty segment'],
    ['http://evil.example/x', 'absolute URL'],
    ['/%E0%A4%A', 'malformed escape'],
    ['/a%0d%0aHost:%20evil', 'CRLF injection'],
    ['/a%00b', 'NUL byte'],
  ])('refuses %s (%s)', (raw) => {
    expect(normaliseStagePath(raw).ok).toBe(false);
  });
});

describe('stageUrl', () => {
  it('puts the path and query below the stage', () => {
    expect(stageUrl(base, '/forecast/lisbon', 'units=metric')?.toString()).toBe(
      `${base}/forecast/lisbon?units=metric`,
    );
    expect(stageUrl(`${base}/`, '/', '')?.toString()).toBe(`${base}/`);
  });

  it('refuses anything the URL parser would move out of the stage', () => {
    expect(stageUrl(base, '/../../other/prod', '')).toBeUndefined();
    expect(stageUrl(base, '/%2e%2e/%2e%2e/x', '')).toBeUndefined();
    expect(stageUrl(base, '/x#fragment', '')).toBeUndefined();
    expect(stageUrl('https://api.example.com/prod', '@evil.example/x', '')).toBeUndefined();
  });

  it('accepts the stage root of an AWS invoke URL', () => {
    expect(
      stageUrl('https://abc.execute-api.eu-west-1.amazonaws.com/prod', '/pets', '')?.href,
    ).toBe('https://abc.execute-api.eu-west-1.amazonaws.com/prod/pets');
  });
});

describe('tailAfterSlug', () => {
  it('keeps the raw encoding of the path after the slug', () => {
    expect(tailAfterSlug('/api/try/weather/forecast/lisbon')).toBe('/forecast/lisbon');
    expect(tailAfterSlug('/api/try/weather/..%2f..%2fadmin')).toBe('/..%2f..%2fadmin');
    expect(tailAfterSlug('/api/try/weather')).toBe('/');
  });
});
