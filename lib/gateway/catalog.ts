import 'server-only';
import type { AudienceViewer } from '../audiences/audience';
import {
  buildCatalog,
  catalogEntries,
  visibleCatalog,
  type CatalogApi,
  type CatalogEntry,
} from './catalog-model';
import { cachedCatalogStore } from './catalog-store';
import { listRestApis, listUsagePlans } from './lists';

export type { CatalogApi, CatalogEntry, GenericCatalogApi } from './catalog-model';

/*
 * Cold: one GetUsagePlans and one GetRestApis per 500 items and one DynamoDB Query for the
 * admin's settings, never a call per API; warm: none.
 */
async function sources() {
  const [usagePlans, restApis, store] = await Promise.all([
    listUsagePlans(),
    listRestApis(),
    cachedCatalogStore(),
  ]);
  return { usagePlans, restApis, store };
}

/** What visitors browse: published API Gateway stages and generic specs, in display order. */
export async function getDocsCatalog(): Promise<CatalogEntry[]> {
  const { restApis, usagePlans, store } = await sources();
  return buildCatalog(restApis, usagePlans, store);
}

/** What this viewer may browse: the published entries and plans their audiences allow. */
export async function getVisibleCatalog(viewer: AudienceViewer): Promise<CatalogEntry[]> {
  return visibleCatalog(await getDocsCatalog(), viewer);
}

/**
 * The published API Gateway stages only: what plans, keys and try-it work with. Generic specs
 * are left out because nothing can be subscribed to or called through the portal there.
 */
export async function getCatalog(): Promise<CatalogApi[]> {
  return (await getDocsCatalog()).filter((api): api is CatalogApi => api.kind === 'gateway');
}

/** Every entry, published or not, for the admin page. */
export async function getAdminCatalog(): Promise<CatalogEntry[]> {
  const { restApis, usagePlans, store } = await sources();
  return catalogEntries(restApis, usagePlans, store);
}
