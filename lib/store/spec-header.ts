import { z } from 'zod';

/**
 * A generic spec's header item: what the catalog shows without reading the document, and
 * which revision's chunks make up the document. Written after the chunks, so a reader that
 * sees a header always finds its chunks complete.
 */
export const specHeaderSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  version: z.string(),
  /** info.description, shortened for the card; the docs page reads the full document. */
  description: z.string().optional(),
  revision: z.uuid(),
  chunkCount: z.number().int().positive(),
  sha256: z.string(),
  jsonBytes: z.number(),
  storedBytes: z.number(),
  format: z.enum(['json', 'yaml']),
  uploadedAt: z.number(),
  uploadedBy: z.string(),
});

export type SpecHeader = z.infer<typeof specHeaderSchema>;

/** The card needs a paragraph, not a manual: keeps the header item small. */
export const headerDescriptionLength = 2000;
