import 'server-only';
import { config } from '../config';
import { TtlCache } from './ttl-cache';

/**
 * One cache per server process for API Gateway reads and the catalog's DynamoDB metadata;
 * writes invalidate what they change.
 */
export const gatewayCache = new TtlCache();

export function gatewayCacheTtlMs(): number {
  return config().cacheTtlSeconds * 1000;
}
