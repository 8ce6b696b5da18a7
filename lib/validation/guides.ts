import { z } from 'zod';
import { audienceFields } from '../audiences/audience';
import { guideContentSchema, guideIdSchema } from '../guides/guide';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** The guide form as FormData gives it: an empty parent means the top level. */
export const guideFormSchema = z.preprocess(
  (fields) =>
    isRecord(fields)
      ? {
          ...fields,
          parentId: fields.parentId || undefined,
          body: typeof fields.body === 'string' ? fields.body.replace(/\r\n/g, '\n') : fields.body,
          audience: audienceFields(fields),
        }
      : fields,
  guideContentSchema,
);

/** Which guide and which version of it the admin's page showed. */
export const guideVersionInput = z.object({
  id: guideIdSchema,
  updatedAt: z.coerce.number().int().min(0),
});

export const guideRestoreInput = guideVersionInput.extend({ revisionId: z.uuid() });
