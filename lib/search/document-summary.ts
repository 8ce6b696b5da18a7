import { z } from 'zod';
import { operationsByTag } from '../gateway/operations';

/** Longer descriptions are cut: a result shows a line, and the docs page has the rest. */
const maxDescription = 300;

/**
 * What search keeps of an API's OpenAPI document: its operations and its schemas' names.
 * Stored per catalog entry when the entry is published, so queries never read documents.
 */
export const documentSummarySchema = z.object({
  operations: z.array(
    z.object({
      method: z.string(),
      path: z.string(),
      summary: z.string().optional(),
      operationId: z.string().optional(),
      tag: z.string(),
    }),
  ),
  schemas: z.array(z.object({ name: z.string(), description: z.string().optional() })),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

/**
 * What an API Gateway stage's summary is made from, as far as the catalog knows without asking
 * API Gateway: the index summarises an entry again when this differs from the stored one.
 */
export const stageSummarySource = (restApiId: string, stage: string, version: string | undefined) =>
  `stage:${restApiId}:${stage}:${version ?? ''}`;

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function summariseDocument(spec: Loose): DocumentSummary {
  const operations = operationsByTag(spec).flatMap(({ tag, operations }) =>
    operations.map(({ method, path, summary, operationId }) => ({
      method,
      path,
      summary,
      operationId,
      tag,
    })),
  );
  const components = isObject(spec.components) ? spec.components : {};
  const schemas = Object.entries(isObject(components.schemas) ? components.schemas : {}).map(
    ([name, schema]) => {
      const text = isObject(schema) ? (schema.description ?? schema.title) : undefined;
      return {
        name,
        description: typeof text === 'string' ? text.slice(0, maxDescription) : undefined,
      };
    },
  );
  return { operations, schemas };
}
