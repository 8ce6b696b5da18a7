import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * A DynamoDB item is at most 400 KB, keys and attribute names included; 300 KB of payload
 * leaves ample room for them.
 */
export const chunkBytes = 300 * 1024;

export interface PackedDocument {
  chunks: Uint8Array[];
  /** Of the JSON text, so a reader can tell a complete reassembly from a partial one. */
  sha256: string;
  jsonBytes: number;
  storedBytes: number;
}

/** A document as gzip-compressed JSON cut into item-sized chunks. */
export function packDocument(document: unknown, size = chunkBytes): PackedDocument {
  const json = Buffer.from(JSON.stringify(document), 'utf8');
  const gzipped = gzipSync(json);
  const chunks: Uint8Array[] = [];
  for (let offset = 0; offset < gzipped.length; offset += size)
    chunks.push(new Uint8Array(gzipped.subarray(offset, offset + size)));
  return {
    chunks,
    sha256: createHash('sha256').update(json).digest('hex'),
    jsonBytes: json.length,
    storedBytes: gzipped.length,
  };
}

export class IncompleteDocumentError extends Error {
  constructor(reason: string) {
    super(`The stored spec is incomplete (${reason}).`);
    this.name = 'IncompleteDocumentError';
  }
}

/** The document back from its chunks, in order; refuses anything but the exact original. */
export function unpackDocument(chunks: Uint8Array[], expected: { sha256: string; count: number }) {
  if (chunks.length !== expected.count)
    throw new IncompleteDocumentError(`${chunks.length} of ${expected.count} chunks`);
  let json: Buffer;
  try {
    json = gunzipSync(Buffer.concat(chunks));
  } catch {
    throw new IncompleteDocumentError('not valid gzip');
  }
  if (createHash('sha256').update(json).digest('hex') !== expected.sha256)
    throw new IncompleteDocumentError('checksum mismatch');
  return JSON.parse(json.toString('utf8')) as unknown;
}
