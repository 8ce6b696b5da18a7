import { z } from 'zod';
import {
  audienceFromTag,
  audienceSchema,
  audienceToTag,
  publicAudience,
} from '../audiences/audience';

/**
 * Portal metadata kept on API Gateway usage plans as tags, so API Gateway stays the one
 * source of truth for plans and existing plans join the portal by being tagged.
 */
export const planTagNames = {
  /** Position on the plans page, ascending. */
  order: 'portico:order',
  /** `public` plans are listed; `hidden` ones are not (but keep their subscribers). */
  visibility: 'portico:visibility',
  /** `auto`: subscribing is immediate; `manual`: an admin approves each request. */
  approval: 'portico:approval',
  /** Who sees the plan: `public`, `signed-in` or `groups:{id} {id}` (lib/audiences). */
  audience: 'portico:audience',
} as const;

export const planMetadataSchema = z.object({
  order: z.coerce.number().int().catch(1000),
  visibility: z.enum(['public', 'hidden']).catch('public'),
  approval: z.enum(['auto', 'manual']).catch('auto'),
  audience: audienceSchema.catch(publicAudience),
});

export type PlanMetadata = z.infer<typeof planMetadataSchema>;

export function planMetadataFromTags(tags: Record<string, string> | undefined): PlanMetadata {
  return planMetadataSchema.parse({
    order: tags?.[planTagNames.order],
    visibility: tags?.[planTagNames.visibility],
    approval: tags?.[planTagNames.approval],
    audience: audienceFromTag(tags?.[planTagNames.audience]),
  });
}

export function planMetadataToTags(metadata: PlanMetadata): Record<string, string> {
  return {
    [planTagNames.order]: String(metadata.order),
    [planTagNames.visibility]: metadata.visibility,
    [planTagNames.approval]: metadata.approval,
    [planTagNames.audience]: audienceToTag(metadata.audience),
  };
}
