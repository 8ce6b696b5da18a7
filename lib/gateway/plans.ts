import 'server-only';
import type { AudienceViewer } from '../audiences/audience';
import { getVisibleCatalog } from './catalog';
import type { CatalogApi } from './catalog-model';
import { listUsagePlans } from './lists';
import { visiblePlans, type Plan } from './plans-model';

export type { Plan } from './plans-model';

/** The plans page's plans for this viewer, from the same cached lists as the catalog. */
export async function getVisiblePlans(viewer: AudienceViewer): Promise<Plan[]> {
  const [usagePlans, catalog] = await Promise.all([listUsagePlans(), getVisibleCatalog(viewer)]);
  const apis = catalog.filter((api): api is CatalogApi => api.kind === 'gateway');
  return visiblePlans(usagePlans, apis, viewer);
}
