import { z } from 'zod';
import {
  audienceFromTag,
  audienceSchema,
  canSee,
  type AudienceViewer,
} from '../audiences/audience';
import type { CatalogStore } from '../store/catalog-settings';
import { specHeaderSchema } from '../store/spec-header';
import {
  catalogEntryKeySchema,
  defaultCatalogSettings,
  gatewayEntryKey,
  genericEntryKey,
  type CatalogSettings,
} from '../validation/catalog-settings';
import { planMetadataFromTags, planTagNames } from './plan-tags';
import { uniqueSlugs } from './slug';
import type { GatewayPlan, GatewayRestApi } from './types';

export const catalogPlanSchema = z.object({
  id: z.string(),
  name: z.string(),
  audience: audienceSchema,
});

const commonFields = {
  entry: catalogEntryKeySchema,
  slug: z.string(),
  /** The admin's display name, or the API's own. */
  name: z.string(),
  /** What the API calls itself (its API Gateway name or its spec's title). */
  sourceName: z.string(),
  /** Markdown: the admin's description, or the API's own. */
  description: z.string().optional(),
  /** The admin wrote the description: it wins over the document's own on the docs page. */
  describedByAdmin: z.boolean(),
  version: z.string().optional(),
  tags: z.array(z.string()),
  sortOrder: z.number(),
  accentColour: z.string().optional(),
  published: z.boolean(),
  /** Who may see the entry at all; everyone else gets a 404 wherever it would appear. */
  audience: audienceSchema,
  /** Plans covering this stage, in the portal's display order (none for generic specs). */
  plans: z.array(catalogPlanSchema),
};

export const catalogApiSchema = z.discriminatedUnion('kind', [
  z.object({
    ...commonFields,
    kind: z.literal('gateway'),
    restApiId: z.string(),
    stage: z.string(),
    /** The gateway the stage lives in (lib/config/gateways); absent for home. */
    gateway: z.string().optional(),
    /** Where callers put their key: the `x-api-key` header, or wherever the authorizer reads it. */
    apiKeySource: z.enum(['HEADER', 'AUTHORIZER']),
  }),
  /** An uploaded OpenAPI document of an API hosted elsewhere: docs, no subscription. */
  z.object({ ...commonFields, kind: z.literal('generic'), spec: specHeaderSchema }),
]);

/** Any catalog entry: an API Gateway stage or a generic spec. */
export type CatalogEntry = z.infer<typeof catalogApiSchema>;
/** An API Gateway stage: the only kind with plans, keys and try-it. */
export type CatalogApi = Extract<CatalogEntry, { kind: 'gateway' }>;
export type GenericCatalogApi = Extract<CatalogEntry, { kind: 'generic' }>;

const emptyStore: CatalogStore = { settings: [], specs: [] };

/**
 * Every catalog entry, published or not, from API Gateway's two lists and the admin's settings
 * (the admin page shows them all): each REST API stage covered by at least one usage plan (the
 * brief's domain model) and each uploaded generic spec. Pure, so it is tested without AWS.
 */
export function catalogEntries(
  restApis: GatewayRestApi[],
  usagePlans: GatewayPlan[],
  store: CatalogStore = emptyStore,
): CatalogEntry[] {
  const settingsOf = new Map(store.settings.map((stored) => [stored.entry, stored]));
  const gateway = gatewayStages(restApis, usagePlans).map(({ api, stage, plans }) => {
    const entry = gatewayEntryKey(api.id, stage);
    return {
      kind: 'gateway' as const,
      entry,
      restApiId: api.id,
      stage,
      ...(api.gateway ? { gateway: api.gateway } : {}),
      sourceName: api.name || 'Untitled API',
      ownDescription: api.description,
      version: api.version,
      apiKeySource:
        api.apiKeySource === 'AUTHORIZER' ? ('AUTHORIZER' as const) : ('HEADER' as const),
      plans,
      settings: settingsOf.get(entry) ?? defaultCatalogSettings,
    };
  });
  const generic = [...store.specs]
    .sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id))
    .map((spec) => {
      const entry = genericEntryKey(spec.id);
      return {
        kind: 'generic' as const,
        entry,
        spec,
        sourceName: spec.title,
        ownDescription: spec.description,
        version: spec.version || undefined,
        plans: [],
        settings: settingsOf.get(entry) ?? defaultCatalogSettings,
      };
    });

  // Admins' slugs first; API Gateway stages keep the slugs they had before any spec existed.
  const claimed = new Map<string, string>();
  for (const item of [...gateway, ...generic])
    if (item.settings.slug && !claimed.has(item.settings.slug))
      claimed.set(item.settings.slug, item.entry);
  const hasOwnSlug = (item: { entry: string; settings: CatalogSettings }) =>
    Boolean(item.settings.slug && claimed.get(item.settings.slug) === item.entry);
  const autoGateway = gateway.filter((item) => !hasOwnSlug(item));
  const gatewaySlugs = uniqueSlugs(
    autoGateway,
    (item) => item.sourceName,
    (item) => item.stage,
    claimed.keys(),
  );
  const autoGeneric = generic.filter((item) => !hasOwnSlug(item));
  const genericSlugs = uniqueSlugs(
    autoGeneric,
    (item) => item.sourceName,
    () => 'docs',
    [...claimed.keys(), ...gatewaySlugs],
  );
  const slugOf = new Map<string, string>([
    ...autoGateway.map((item, index) => [item.entry, gatewaySlugs[index] ?? item.entry] as const),
    ...autoGeneric.map((item, index) => [item.entry, genericSlugs[index] ?? item.entry] as const),
  ]);

  const entries: CatalogEntry[] = [...gateway, ...generic].map(
    ({ settings, ownDescription, ...item }) => ({
      ...item,
      slug: slugOf.get(item.entry) ?? settings.slug ?? item.entry,
      name: settings.displayName ?? item.sourceName,
      description: settings.description ?? ownDescription,
      describedByAdmin: settings.description !== undefined,
      tags: settings.tags,
      sortOrder: settings.sortOrder,
      accentColour: settings.accentColour,
      published: settings.published,
      audience: settings.audience,
    }),
  );
  return entries.sort(
    (a, b) =>
      a.sortOrder - b.sortOrder || a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug),
  );
}

/** What visitors see: the published entries, in display order. */
export function buildCatalog(
  restApis: GatewayRestApi[],
  usagePlans: GatewayPlan[],
  store: CatalogStore = emptyStore,
): CatalogEntry[] {
  return catalogEntries(restApis, usagePlans, store).filter((api) => api.published);
}

/**
 * What one person may browse: the entries their audiences allow and, within each, the plans
 * they may see. Everything else is absent for them, so its name never shows.
 */
export function visibleCatalog<Entry extends CatalogEntry>(
  entries: Entry[],
  viewer: AudienceViewer,
): Entry[] {
  return entries
    .filter((entry) => canSee(entry.audience, viewer))
    .map((entry) => ({
      ...entry,
      plans: entry.plans.filter((plan) => canSee(plan.audience, viewer)),
    }));
}

/** Each (API, stage) some plan covers, with its plans in display order, sorted by name. */
function gatewayStages(restApis: GatewayRestApi[], usagePlans: GatewayPlan[]) {
  const ordered = [...usagePlans].sort(
    (a, b) =>
      planMetadataFromTags(a.tags).order - planMetadataFromTags(b.tags).order ||
      a.name.localeCompare(b.name),
  );
  const plansByStage = new Map<string, z.infer<typeof catalogPlanSchema>[]>();
  for (const plan of ordered) {
    const audience = audienceFromTag(plan.tags[planTagNames.audience]);
    for (const apiStage of plan.apiStages) {
      const key = `${apiStage.apiId}:${apiStage.stage}`;
      const plans = plansByStage.get(key) ?? [];
      plans.push({ id: plan.id, name: plan.name, audience });
      plansByStage.set(key, plans);
    }
  }
  const stages = restApis.flatMap((api) =>
    [...plansByStage.entries()]
      .filter(([key]) => key.startsWith(`${api.id}:`))
      .map(([key, plans]) => ({ api, stage: key.slice(`${api.id}:`.length), plans })),
  );
  return stages.sort(
    (a, b) => a.api.name.localeCompare(b.api.name) || a.stage.localeCompare(b.stage),
  );
}
