import { describe, expect, it } from 'vitest';
import { envelopeResponse, problemResponse } from './http-answer';

const envelope = {
  status: 200,
  statusText: 'OK',
  headers: { 'content-type': 'text/html' },
  bodyEncoding: 'text' as const,
  body: '<script>alert(document.cookie)</script>',
  elapsedMs: 12,
  keySource: 'none' as const,
  request: {
    method: 'GET',
    url: 'https://api.example/prod/page',
    headers: {},
    keyLocation: { in: 'header' as const, name: 'x-api-key' },
  },
};

describe('the proxy’s own answers', () => {
  it('wrap an API’s HTML as JSON that browsers neither sniff nor render', async () => {
    const response = envelopeResponse(envelope);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual(envelope);
  });

  it('send refusals as problem details with their status', async () => {
    const response = problemResponse({ title: 'Slow down', status: 429, detail: 'Wait.' });
    expect(response.status).toBe(429);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(response.headers.get('retry-after')).toBe('1');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
