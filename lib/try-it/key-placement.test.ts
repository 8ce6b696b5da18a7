import { describe, expect, it } from 'vitest';
import { placeKey, takePastedKey } from './key-placement';

const header = { in: 'header' as const, name: 'x-api-key' };
const query = { in: 'query' as const, name: 'api_key' };
const key = 'abcdefghijklmnopqrstuvwxyz0123';

describe('takePastedKey', () => {
  it('takes a header key out of the headers', () => {
    const headers = new Headers({ 'x-api-key': ` ${key} `, accept: '*/*' });
    const params = new URLSearchParams('x-api-key=other&limit=5');
    expect(takePastedKey(header, headers, params)).toEqual({ ok: true, key });
    expect(headers.has('x-api-key')).toBe(false);
    // Only the API's own location counts; the same name in the query is dropped, not sent.
    expect(params.toString()).toBe('limit=5');
  });

  it('takes a query key out of the query string', () => {
    const params = new URLSearchParams(`limit=5&api_key=${key}`);
    expect(takePastedKey(query, new Headers(), params)).toEqual({ ok: true, key });
    expect(params.toString()).toBe('limit=5');
  });

  it('treats an empty value as no key', () => {
    expect(takePastedKey(header, new Headers({ 'x-api-key': ' ' }), new URLSearchParams())).toEqual(
      { ok: true, key: undefined },
    );
  });

  it.each([
    ['with spaces inside', 'abc def'],
    ['non-ASCII', 'clé-secrète-1234567890'],
    ['far too long', 'k'.repeat(300)],
  ])('refuses a key %s', (_why, value) => {
    const params = new URLSearchParams();
    params.set('api_key', value);
    expect(takePastedKey(query, new Headers(), params).ok).toBe(false);
  });
});

describe('placeKey', () => {
  it('sets the header or the query parameter the API reads', () => {
    const headers = new Headers();
    const params = new URLSearchParams('limit=5');
    placeKey(header, key, headers, params);
    expect(headers.get('x-api-key')).toBe(key);
    placeKey(query, key, headers, params);
    expect(params.toString()).toBe(`limit=5&api_key=${key}`);
  });
});
