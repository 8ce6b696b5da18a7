import { describe, expect, it } from 'vitest';
import { redactedKey, scrubBytes, scrubHeaders, scrubText, secretForms } from './key-scrub';

const key = 'Xk2pL9qR7sT4vW8yZ1aB3cD5eF6gH0jK';
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('scrubText', () => {
  it.each([
    ['as it is', `{"x-api-key":"${key}"}`],
    ['in a query string', `https://api.example/echo?api_key=${key}&q=1`],
    ['in hex', Buffer.from(key).toString('hex')],
    ['in upper-case hex', Buffer.from(key).toString('hex').toUpperCase()],
    ['in base64', b64(key)],
    ['in base64 after one byte', b64(`a${key}`)],
    ['in base64 after two bytes', b64(`ab${key}`)],
    ['in a base64 blob', b64(`{"headers":{"x-api-key":"${key}"},"n":1}`)],
    ['in base64url', Buffer.from(`??${key}`).toString('base64url')],
    ['in Basic credentials', `Basic ${b64(`user:${key}`)}`],
  ])('removes the key %s', (_, text) => {
    const scrubbed = scrubText(text, key);
    expect(scrubbed).not.toContain(key);
    for (const form of secretForms(key)) expect(scrubbed, form).not.toContain(form);
    expect(Buffer.from(scrubbed.replace(/^Basic /, ''), 'base64').toString()).not.toContain(key);
  });

  it('keeps everything else, and text without a key to hide', () => {
    expect(scrubText(`a ${key} b`, key)).toBe(`a ${redactedKey} b`);
    expect(scrubText('unchanged', undefined)).toBe('unchanged');
  });

  it('escapes what JSON and URLs escape', () => {
    const odd = 'k3y/with+and"quote\\x12345';
    expect(scrubText(JSON.stringify({ k: odd }), odd)).toBe(`{"k":"${redactedKey}"}`);
    expect(scrubText(encodeURIComponent(odd), odd)).toBe(redactedKey);
  });
});

describe('scrubBytes', () => {
  it('overwrites the key in binary bodies, UTF-8, UTF-16 and base64 alike, keeping the length', () => {
    const body = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      Buffer.from(key),
      Buffer.from([0]),
      Buffer.from(key, 'utf16le'),
      Buffer.from(key, 'utf16le').swap16(),
      Buffer.from(b64(`x${key}`)),
    ]);
    const scrubbed = Buffer.from(scrubBytes(body, key));
    expect(scrubbed.length).toBe(body.length);
    expect(scrubbed.subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(scrubbed.includes(Buffer.from(key))).toBe(false);
    expect(scrubbed.includes(Buffer.from(key, 'utf16le'))).toBe(false);
    expect(scrubbed.includes(Buffer.from(key, 'utf16le').swap16())).toBe(false);
    expect(scrubbed.toString('latin1')).not.toContain(b64(key).slice(4, 20));
  });
});

describe('scrubHeaders', () => {
  it('replaces the key in values and drops headers whose name holds it', () => {
    const headers = new Headers({
      'x-echo': key,
      [`x-${key.toLowerCase()}`]: '1',
      location: `https://api.example/next?api_key=${key}`,
      'content-type': 'application/json',
    });
    expect(scrubHeaders(headers, key)).toEqual({
      'x-echo': redactedKey,
      location: `https://api.example/next?api_key=${redactedKey}`,
      'content-type': 'application/json',
    });
  });
});
