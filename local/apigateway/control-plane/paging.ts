import { badRequest } from '../errors';

/** API Gateway's list defaults: 25 per page, at most 500. */
const defaultLimit = 25;
const maxLimit = 500;

export interface Page<T> {
  items: T[];
  position?: string;
}

function decodePosition(position: string | null): number {
  if (!position) return 0;
  const offset = Number(Buffer.from(position, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0) throw badRequest('Invalid position parameter');
  return offset;
}

export function pageLimit(query: URLSearchParams): number {
  const raw = query.get('limit');
  if (raw === null) return defaultLimit;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    throw badRequest(`Invalid limit: must be between 1 and ${maxLimit}`);
  }
  return limit;
}

/** One page of `items`; `position` is opaque to clients and present while more remain. */
export function paginate<T>(items: readonly T[], query: URLSearchParams): Page<T> {
  const start = decodePosition(query.get('position'));
  const end = start + pageLimit(query);
  return {
    items: items.slice(start, end),
    ...(end < items.length ? { position: Buffer.from(String(end)).toString('base64url') } : {}),
  };
}
