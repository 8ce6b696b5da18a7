import { z } from 'zod';
import { sentRequestSchema } from './snippets';

/**
 * What `/api/try/...` answers when the API answered: the upstream response wrapped in JSON, so
 * an API's HTML or script is data to the portal's page, never a document on its origin.
 */
export const tryItEnvelopeSchema = z.object({
  status: z.number().int(),
  statusText: z.string(),
  headers: z.record(z.string(), z.string()),
  bodyEncoding: z.enum(['text', 'base64']),
  body: z.string(),
  elapsedMs: z.number().nonnegative(),
  explanation: z.string().optional(),
  keySource: z.enum(['subscription', 'pasted', 'none']),
  request: sentRequestSchema,
});
export type TryItEnvelope = z.infer<typeof tryItEnvelopeSchema>;

/** The portal's own refusals (RFC 9457 problem details): bad path, too large, too fast, ... */
export const tryItProblemSchema = z.object({
  type: z.string().optional(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  elapsedMs: z.number().optional(),
});
export type TryItProblem = z.infer<typeof tryItProblemSchema>;
