import 'server-only';
import { config } from '../config';
import { TtlCache } from './ttl-cache';

/**
 * One cache per server process for API Gateway reads and the catalog's DynamoDB metadata;
 * writes invalidate what they change. Kept on globalThis: Next bundles route handlers (such as
 * /llms.txt) apart from pages and server actions, each with its own copy of this module, and
 * an admin's change must reach every copy's readers, not only the pages'.
 */
const shared = globalThis as typeof globalThis & { porticoGatewayCache?: TtlCache };
export const gatewayCache = (shared.porticoGatewayCache ??= new TtlCache());

export function gatewayCacheTtlMs(): number {
  return config().cacheTtlSeconds * 1000;
}
