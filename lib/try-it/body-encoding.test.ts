import { describe, expect, it } from 'vitest';
import { encodeBody } from './body-encoding';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('encodeBody', () => {
  it('keeps text bodies as text', () => {
    expect(encodeBody(bytes('{"a":1}'), 'application/json')).toEqual({
      bodyEncoding: 'text',
      body: '{"a":1}',
    });
    expect(encodeBody(bytes('<p>hi</p>'), 'text/html; charset=utf-8').bodyEncoding).toBe('text');
    expect(encodeBody(bytes('{}'), 'application/vnd.api+json').bodyEncoding).toBe('text');
    expect(encodeBody(bytes('plain'), null).bodyEncoding).toBe('text');
    expect(encodeBody(new Uint8Array(), 'image/png')).toEqual({ bodyEncoding: 'text', body: '' });
  });

  it('sends binary and invalid UTF-8 as base64', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    expect(encodeBody(png, 'image/png')).toEqual({ bodyEncoding: 'base64', body: 'iVBORw==' });
    expect(encodeBody(new Uint8Array([0xff, 0xfe]), 'text/plain').bodyEncoding).toBe('base64');
  });
});
