import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IncompleteDocumentError, packDocument, unpackDocument } from './spec-chunks';

describe('packDocument / unpackDocument', () => {
  const document = { openapi: '3.0.0', blob: randomBytes(600_000).toString('base64') };

  it('round-trips a document larger than one chunk', () => {
    const packed = packDocument(document, 100_000);
    expect(packed.chunks.length).toBeGreaterThan(1);
    expect(packed.chunks.every((chunk) => chunk.length <= 100_000)).toBe(true);
    const back = unpackDocument(packed.chunks, {
      sha256: packed.sha256,
      count: packed.chunks.length,
    });
    expect(back).toEqual(document);
  });

  it('refuses a missing chunk or a chunk from another revision', () => {
    const packed = packDocument(document, 100_000);
    const expected = { sha256: packed.sha256, count: packed.chunks.length };
    expect(() => unpackDocument(packed.chunks.slice(1), expected)).toThrow(IncompleteDocumentError);
    const other = packDocument({ ...document, openapi: '3.1.0' }, 100_000);
    const mixed = [other.chunks[0] as Uint8Array, ...packed.chunks.slice(1)];
    expect(() => unpackDocument(mixed, expected)).toThrow(IncompleteDocumentError);
  });
});
