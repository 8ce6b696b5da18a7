import { parseDocument } from 'yaml';
import { z } from 'zod';
import { externalRefMessage, findExternalRefs } from '../openapi/external-refs';

/** The largest generic spec an admin may upload (the issue's limit). */
export const maxSpecBytes = 5 * 1024 * 1024;

const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const operationSchema = z.looseObject({
  summary: z.string().optional(),
  description: z.string().optional(),
  tags: z.array(z.string()).optional(),
  responses: z.record(z.string(), z.unknown()).optional(),
  parameters: z
    .array(
      z.union([
        z.looseObject({ $ref: z.string() }),
        z.looseObject({ name: z.string(), in: z.enum(['query', 'header', 'path', 'cookie']) }),
      ]),
    )
    .optional(),
});

const pathItemSchema = z.looseObject(
  Object.fromEntries(httpMethods.map((method) => [method, operationSchema.optional()])),
);

export const openApiDocumentSchema = z
  .looseObject({
    openapi: z
      .string({ error: 'The document has no "openapi" version field.' })
      .regex(/^3\.[01]\.\d+$/, 'Only OpenAPI 3.0.x and 3.1.x documents are accepted.'),
    info: z.looseObject({
      title: z.string({ error: 'info.title is required.' }).trim().min(1, 'info.title is empty.'),
      version: z.string({ error: 'info.version is required (a string, e.g. "1.0.0").' }),
      description: z.string().optional(),
    }),
    servers: z.array(z.looseObject({ url: z.string() })).optional(),
    paths: z
      .record(z.string().regex(/^\//, 'Every path starts with "/".'), pathItemSchema)
      .optional(),
    components: z.looseObject({}).optional(),
    tags: z.array(z.looseObject({ name: z.string() })).optional(),
  })
  .superRefine((document, context) => {
    // 3.1 made paths and responses optional; 3.0 requires both.
    if (!document.openapi.startsWith('3.0.')) return;
    if (!document.paths) {
      context.addIssue({ code: 'custom', path: ['paths'], message: 'OpenAPI 3.0 requires paths.' });
      return;
    }
    for (const [path, item] of Object.entries(document.paths))
      for (const method of httpMethods) {
        const operation = item[method] as z.infer<typeof operationSchema> | undefined;
        if (operation && !operation.responses)
          context.addIssue({
            code: 'custom',
            path: ['paths', path, method, 'responses'],
            message: 'OpenAPI 3.0 requires responses on every operation.',
          });
      }
  });

export type OpenApiDocument = z.infer<typeof openApiDocumentSchema>;

export type SpecParseResult =
  { ok: true; document: OpenApiDocument; format: 'json' | 'yaml' } | { ok: false; message: string };

/** `/paths/~1pets/get` for ['paths', '/pets', 'get'] (RFC 6901). */
export function jsonPointer(path: PropertyKey[]): string {
  return path.map((part) => `/${String(part).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

const parseYaml = (text: string) => parseDocument(text, { prettyErrors: true, uniqueKeys: true });

/** The first YAML error with its line and column (yaml adds `linePos` when prettifying). */
function yamlError(
  document: ReturnType<typeof parseYaml>,
): { message: string; at?: { line: number; col: number } } | undefined {
  const [first] = document.errors;
  if (!first) return undefined;
  const message = (first.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  return { message, at: first.linePos?.[0] };
}

/**
 * V8's JSON messages do not always say where; JSON is YAML, so the YAML parser locates it.
 */
function jsonErrorMessage(text: string, error: Error): string {
  const reason = error.message.replace(/ in JSON at position \d+.*$/s, '');
  const position = /position (\d+)/.exec(error.message)?.[1];
  if (position !== undefined) {
    const before = text.slice(0, Number(position)).split('\n');
    return `Not valid JSON at line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}: ${reason}`;
  }
  const at = yamlError(parseYaml(text))?.at;
  return at
    ? `Not valid JSON at line ${at.line}, column ${at.col}: ${reason}`
    : `Not valid JSON: ${reason}`;
}

function parseText(text: string): { value: unknown; format: 'json' | 'yaml' } | string {
  if (/^\s*[{[]/.test(text)) {
    try {
      return { value: JSON.parse(text), format: 'json' };
    } catch (error) {
      return jsonErrorMessage(text, error as Error);
    }
  }
  const document = parseYaml(text);
  const failure = yamlError(document);
  if (failure) {
    const { at, message } = failure;
    return `Not valid YAML${at ? ` at line ${at.line}, column ${at.col}` : ''}: ${message}`;
  }
  try {
    // Few aliases: a document that expands into millions of nodes is an attack, not a spec.
    return { value: document.toJS({ maxAliasCount: 100 }), format: 'yaml' };
  } catch (error) {
    return `Not valid YAML: ${(error as Error).message}`;
  }
}

/**
 * An uploaded spec's text (JSON or YAML) as a validated OpenAPI 3 document, or a message that
 * says what is wrong and where: a line and column for syntax, a JSON pointer for structure.
 */
export function parseOpenApiUpload(text: string): SpecParseResult {
  if (Buffer.byteLength(text, 'utf8') > maxSpecBytes)
    return { ok: false, message: 'The spec is larger than 5 MB.' };
  if (!text.trim()) return { ok: false, message: 'The file is empty.' };
  const parsed = parseText(text);
  if (typeof parsed === 'string') return { ok: false, message: parsed };
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, message: 'Not an OpenAPI document: the top level must be an object.' };
  if ('swagger' in value)
    return {
      ok: false,
      message: 'This is a Swagger 2.0 document: convert it to OpenAPI 3 first.',
    };
  const result = openApiDocumentSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${jsonPointer(issue.path)}` : '';
    return { ok: false, message: `Not an OpenAPI 3 document${where}: ${issue?.message ?? ''}` };
  }
  const [external] = findExternalRefs(value, 1);
  if (external) return { ok: false, message: externalRefMessage(external) };
  return { ok: true, document: result.data, format: parsed.format };
}
