import type { UsagePlan } from '@aws-sdk/client-api-gateway';
import { z } from 'zod';
import type { CatalogApi } from './catalog-model';
import { planMetadataFromTags, planMetadataSchema } from './plan-tags';

export const planSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  throttle: z
    .object({ rateLimit: z.number().optional(), burstLimit: z.number().optional() })
    .optional(),
  quota: z
    .object({
      limit: z.number().optional(),
      period: z.string().optional(),
      offset: z.number().optional(),
    })
    .optional(),
  metadata: planMetadataSchema,
  /** Catalog APIs this plan covers, by name and slug. */
  apis: z.array(z.object({ name: z.string(), slug: z.string() })),
});

export type Plan = z.infer<typeof planSchema>;

/** Usage plans as the portal shows them, in display order, hidden ones left out. */
export function visiblePlans(usagePlans: UsagePlan[], catalog: CatalogApi[]): Plan[] {
  return usagePlans
    .filter((plan): plan is UsagePlan & { id: string } => Boolean(plan.id))
    .map((plan) => ({
      id: plan.id,
      name: plan.name ?? plan.id,
      description: plan.description || undefined,
      throttle: plan.throttle,
      quota: plan.quota,
      metadata: planMetadataFromTags(plan.tags),
      apis: catalog
        .filter((api) => api.plans.some((p) => p.id === plan.id))
        .map((api) => ({ name: api.name, slug: api.slug })),
    }))
    .filter((plan) => plan.metadata.visibility === 'public')
    .sort((a, b) => a.metadata.order - b.metadata.order || a.name.localeCompare(b.name));
}
