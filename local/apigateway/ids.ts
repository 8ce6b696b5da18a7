import { randomBytes, randomUUID } from 'node:crypto';

const lowerAlphanumeric = 'abcdefghijklmnopqrstuvwxyz0123456789';
const alphanumeric = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomString(length: number, alphabet: string): string {
  const bytes = randomBytes(length);
  let result = '';
  for (const byte of bytes) result += alphabet[byte % alphabet.length];
  return result;
}

/** Resource ids look like AWS's: ten lower-case letters and digits (`a1b2c3d4e5`). */
export const newId = () => randomString(10, lowerAlphanumeric);

/** Generated key values are 40 characters, like the keys API Gateway generates. */
export const newApiKeyValue = () => randomString(40, alphanumeric);

const hexByte = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
/** A random UUID's first 24 characters (version and variant included) plus 4 hex digits. */
let requestIdHead = '';
/** The last 8 hex digits, counted up from a random start; the head moves on when they wrap. */
let requestIdTail = 0;
const newRequestIdHead = () => randomUUID().slice(0, 28);

/**
 * `x-amzn-RequestId` values, in the UUID form API Gateway sends: one random UUID's head, then a
 * counter, so every id this process makes is distinct without drawing 16 random bytes and
 * formatting them per request (randomUUID was a tenth of the data plane's own time).
 */
export function newRequestId(): string {
  if (requestIdTail === 0) {
    requestIdHead = newRequestIdHead();
    requestIdTail = randomBytes(4).readUInt32BE() || 1;
  }
  const tail = requestIdTail;
  requestIdTail = (tail + 1) >>> 0;
  return (
    requestIdHead +
    hexByte[tail >>> 24]! +
    hexByte[(tail >>> 16) & 255]! +
    hexByte[(tail >>> 8) & 255]! +
    hexByte[tail & 255]!
  );
}
