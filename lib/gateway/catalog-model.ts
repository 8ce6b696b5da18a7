import type { RestApi, UsagePlan } from '@aws-sdk/client-api-gateway';
import { z } from 'zod';
import { planMetadataFromTags } from './plan-tags';
import { uniqueSlugs } from './slug';

export const catalogPlanSchema = z.object({ id: z.string(), name: z.string() });

export const catalogApiSchema = z.object({
  slug: z.string(),
  restApiId: z.string(),
  stage: z.string(),
  name: z.string(),
  description: z.string().optional(),
  version: z.string().optional(),
  /** Where callers put their key: the `x-api-key` header, or wherever the authorizer reads it. */
  apiKeySource: z.enum(['HEADER', 'AUTHORIZER']),
  /** Plans covering this stage, in the portal's display order. */
  plans: z.array(catalogPlanSchema),
});

export type CatalogApi = z.infer<typeof catalogApiSchema>;

/**
 * The catalog from two list calls' results: every REST API stage covered by at least one usage
 * plan is an API of the portal (the brief's domain model). Pure, so it is tested without AWS.
 */
export function buildCatalog(restApis: RestApi[], usagePlans: UsagePlan[]): CatalogApi[] {
  const ordered = [...usagePlans].sort(
    (a, b) =>
      planMetadataFromTags(a.tags).order - planMetadataFromTags(b.tags).order ||
      (a.name ?? '').localeCompare(b.name ?? ''),
  );
  const plansByStage = new Map<string, { id: string; name: string }[]>();
  for (const plan of ordered) {
    if (!plan.id) continue;
    for (const apiStage of plan.apiStages ?? []) {
      const key = `${apiStage.apiId}:${apiStage.stage}`;
      const plans = plansByStage.get(key) ?? [];
      plans.push({ id: plan.id, name: plan.name ?? plan.id });
      plansByStage.set(key, plans);
    }
  }

  const entries = restApis.flatMap((api) =>
    [...plansByStage.entries()]
      .filter(([key]) => key.startsWith(`${api.id}:`))
      .map(([key, plans]) => ({ api, stage: key.slice(`${api.id}:`.length), plans })),
  );
  entries.sort(
    (a, b) => (a.api.name ?? '').localeCompare(b.api.name ?? '') || a.stage.localeCompare(b.stage),
  );
  const slugs = uniqueSlugs(
    entries,
    (e) => e.api.name ?? e.api.id ?? 'api',
    (e) => e.stage,
  );

  return entries.map(({ api, stage, plans }, index) => ({
    slug: slugs[index] ?? `${api.id}-${stage}`,
    restApiId: api.id ?? '',
    stage,
    name: api.name ?? api.id ?? 'Untitled API',
    description: api.description || undefined,
    version: api.version || undefined,
    apiKeySource: api.apiKeySource === 'AUTHORIZER' ? 'AUTHORIZER' : 'HEADER',
    plans,
  }));
}
