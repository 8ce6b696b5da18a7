import 'server-only';
import type { CatalogApi } from '../gateway/catalog-model';
import { planViewer } from '../portal/viewer';
import { accessOf, type TryItAccess } from './access-model';

/**
 * The docs page viewer's try-it access: one subscriptions read when signed in, none otherwise.
 * If that read fails the page still renders, with the notice that asks for a pasted key; the
 * proxy looks the key up again on each call anyway.
 */
export async function tryItAccess(api: CatalogApi): Promise<TryItAccess> {
  const apiPlanIds = api.plans.map((plan) => plan.id);
  try {
    return accessOf(await planViewer(), apiPlanIds);
  } catch {
    return 'signed-in';
  }
}
