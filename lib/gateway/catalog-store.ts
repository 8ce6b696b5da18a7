import 'server-only';
import { dynamoClient } from '../aws';
import { config } from '../config';
import {
  readCatalogStore,
  type CatalogStore,
  type CatalogStoreDeps,
} from '../store/catalog-settings';
import { readGenericSpecDocument } from '../store/generic-specs';
import type { SpecHeader } from '../store/spec-header';
import { gatewayCache, gatewayCacheTtlMs } from './cache';

/** Every cached read of the catalog's DynamoDB metadata starts with this, so one call drops them. */
const prefix = 'catalog-store:';

export function catalogStoreDeps(): CatalogStoreDeps {
  return { dynamo: dynamoClient(), tableName: config().tableName, now: Date.now };
}

/** The admin's settings and the generic specs' headers: one Query per cache period. */
export function cachedCatalogStore(): Promise<CatalogStore> {
  return gatewayCache.get(`${prefix}metadata`, gatewayCacheTtlMs(), () =>
    readCatalogStore(catalogStoreDeps()),
  );
}

/** A generic spec's document; keyed by revision, so a replaced document is never served. */
export function cachedGenericDocument(header: SpecHeader): Promise<unknown> {
  return gatewayCache.get(
    `${prefix}spec:${header.id}:${header.revision}`,
    gatewayCacheTtlMs(),
    () => readGenericSpecDocument(catalogStoreDeps(), header),
  );
}

/**
 * After an admin change. This process sees it at once; other server instances within their
 * cache period (PORTICO_CACHE_TTL_SECONDS), as with API Gateway changes.
 */
export function invalidateCatalogStore(): void {
  gatewayCache.invalidate(prefix);
}
