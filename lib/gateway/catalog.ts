import 'server-only';
import { GetRestApisCommand, GetUsagePlansCommand } from '@aws-sdk/client-api-gateway';
import { apiGatewayClient } from '../aws';
import { gatewayCache, gatewayCacheTtlMs } from './cache';
import { buildCatalog, type CatalogApi } from './catalog-model';
import { allPages } from './pagination';

export type { CatalogApi } from './catalog-model';

/**
 * The published APIs. Cold: one GetUsagePlans and one GetRestApis per 500 items, never a call
 * per API; warm: none.
 */
export function getCatalog(): Promise<CatalogApi[]> {
  return gatewayCache.get('catalog', gatewayCacheTtlMs(), async () => {
    const client = apiGatewayClient();
    const [usagePlans, restApis] = await Promise.all([
      allPages((position) => client.send(new GetUsagePlansCommand({ limit: 500, position }))),
      allPages((position) => client.send(new GetRestApisCommand({ limit: 500, position }))),
    ]);
    return buildCatalog(restApis, usagePlans);
  });
}
