import 'server-only';
import { buildCatalog, type CatalogApi } from './catalog-model';
import { listRestApis, listUsagePlans } from './lists';

export type { CatalogApi } from './catalog-model';

/**
 * The published APIs. Cold: one GetUsagePlans and one GetRestApis per 500 items, never a call
 * per API; warm: none.
 */
export async function getCatalog(): Promise<CatalogApi[]> {
  const [usagePlans, restApis] = await Promise.all([listUsagePlans(), listRestApis()]);
  return buildCatalog(restApis, usagePlans);
}
