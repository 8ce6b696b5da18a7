import 'server-only';
import { getCatalog } from './catalog';
import { listUsagePlans } from './lists';
import { visiblePlans, type Plan } from './plans-model';

export type { Plan } from './plans-model';

/** The plans page's plans, from the same cached lists as the catalog. */
export async function getVisiblePlans(): Promise<Plan[]> {
  const [usagePlans, catalog] = await Promise.all([listUsagePlans(), getCatalog()]);
  return visiblePlans(usagePlans, catalog);
}
