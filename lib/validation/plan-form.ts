import { z } from 'zod';
import { audienceFields, audienceSchema, publicAudience } from '../audiences/audience';
import { planMetadataSchema } from '../gateway/plan-tags';

/** An empty form field means "not set". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** What an admin edits on a plan: its name and limits (API Gateway) and portal metadata (tags). */
export const planFormSchema = z.preprocess(
  (fields) => (isRecord(fields) ? { ...fields, audience: audienceFields(fields) } : fields),
  z
    .object({
      name: z.string().trim().min(1, 'Give the plan a name.').max(128),
      description: z.string().trim().max(500).default(''),
      rateLimit: optional(z.coerce.number().min(0, 'The rate cannot be negative.').max(10_000)),
      burstLimit: optional(z.coerce.number().int().min(0).max(5_000)),
      quotaLimit: optional(z.coerce.number().int().min(1, 'A quota is at least 1 request.')),
      quotaPeriod: z.enum(['DAY', 'WEEK', 'MONTH']).default('MONTH'),
      order: z.coerce.number().int().min(0).max(100_000),
      visibility: planMetadataSchema.shape.visibility.removeCatch(),
      approval: planMetadataSchema.shape.approval.removeCatch(),
      audience: audienceSchema.default(publicAudience),
    })
    .refine((plan) => plan.burstLimit === undefined || plan.rateLimit !== undefined, {
      message: 'A burst needs a rate as well.',
      path: ['burstLimit'],
    }),
);

export type PlanForm = z.infer<typeof planFormSchema>;
