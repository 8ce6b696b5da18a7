import { randomBytes } from 'node:crypto';

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
