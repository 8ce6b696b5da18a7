import { z } from 'zod';
import { canSee, type AudienceViewer } from '../audiences/audience';
import type { CatalogApi } from './catalog-model';
import { planMetadataFromTags, planMetadataSchema } from './plan-tags';
import { quotaSettingsSchema, throttleSchema, type GatewayPlan } from './types';

export const planSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  throttle: throttleSchema.optional(),
  quota: quotaSettingsSchema.optional(),
  metadata: planMetadataSchema,
  /** Catalog APIs this plan covers, by name and slug. */
  apis: z.array(z.object({ name: z.string(), slug: z.string() })),
});

export type Plan = z.infer<typeof planSchema>;

/**
 * Usage plans as the portal shows them to one viewer, in display order: hidden ones and those
 * outside the viewer's audiences left out. `catalog` is what the viewer may see.
 */
export function visiblePlans(
  usagePlans: GatewayPlan[],
  catalog: CatalogApi[],
  viewer: AudienceViewer,
): Plan[] {
  return usagePlans
    .map((plan) => ({
      id: plan.id,
      name: plan.name,
      description: plan.description,
      throttle: plan.throttle,
      quota: plan.quota,
      metadata: planMetadataFromTags(plan.tags),
      apis: catalog
        .filter((api) => api.plans.some((p) => p.id === plan.id))
        .map((api) => ({ name: api.name, slug: api.slug })),
    }))
    .filter(
      (plan) => plan.metadata.visibility === 'public' && canSee(plan.metadata.audience, viewer),
    )
    .sort((a, b) => a.metadata.order - b.metadata.order || a.name.localeCompare(b.name));
}
