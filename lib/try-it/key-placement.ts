import { z } from 'zod';
import type { KeyLocation } from '../gateway/openapi-export';

/**
 * An API key as a caller may paste it: printable ASCII without spaces, at most 256 characters
 * (API Gateway's keys are 20–128). Anything else could split a header or a query string.
 */
export const pastedKeySchema = z
  .string()
  .trim()
  .min(1, 'The API key is empty.')
  .max(256, 'That is too long to be an API key.')
  .regex(/^[\x21-\x7e]+$/, 'An API key has only letters, digits and punctuation, no spaces.');

export type PastedKey = { ok: true; key: string | undefined } | { ok: false; reason: string };

/**
 * Takes the key the browser sent (where the API expects it, as swagger-ui's Authorize puts it)
 * out of the headers or query, so it is forwarded once, by `placeKey`, or not at all.
 */
export function takePastedKey(
  location: KeyLocation,
  headers: Headers,
  query: URLSearchParams,
): PastedKey {
  const raw = location.in === 'header' ? headers.get(location.name) : query.get(location.name);
  headers.delete(location.name);
  query.delete(location.name);
  if (raw === null || raw.trim() === '') return { ok: true, key: undefined };
  const parsed = pastedKeySchema.safeParse(raw);
  return parsed.success
    ? { ok: true, key: parsed.data }
    : { ok: false, reason: parsed.error.issues[0]?.message ?? 'That is not an API key.' };
}

/** Puts the key where the API reads it: the `x-api-key` header or the authorizer's parameter. */
export function placeKey(
  location: KeyLocation,
  key: string,
  headers: Headers,
  query: URLSearchParams,
): void {
  if (location.in === 'header') headers.set(location.name, key);
  else query.set(location.name, key);
}
