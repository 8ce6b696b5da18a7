/**
 * An OpenAPI document never makes a visitor's browser fetch another site: swagger-ui resolves
 * every `$ref` it finds, so a `$ref` to a URL or another file would be fetched from the reader's
 * browser (a tracking or SSRF-like beacon, and content the portal never checked). Uploads with
 * one are refused with where it is; what the docs page and downloads serve has none left.
 */
export interface ExternalRef {
  /** JSON pointer (RFC 6901) of the `$ref` itself. */
  pointer: string;
  ref: string;
}

const isLocal = (ref: string) => ref.startsWith('#');

const escapeSegment = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

export function findExternalRefs(document: unknown, limit = Infinity): ExternalRef[] {
  const found: ExternalRef[] = [];
  const visit = (value: unknown, pointer: string) => {
    if (found.length >= limit || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${pointer}/${index}`));
      return;
    }
    for (const [name, child] of Object.entries(value)) {
      const at = `${pointer}/${escapeSegment(name)}`;
      if (name === '$ref' && typeof child === 'string' && !isLocal(child))
        found.push({ pointer: at, ref: child });
      else visit(child, at);
    }
  };
  visit(document, '');
  return found;
}

/** The message an admin sees for an upload with an external `$ref`. */
export function externalRefMessage({ pointer, ref }: ExternalRef): string {
  return `External $ref at ${pointer}: "${ref}". Portico serves self-contained documents: copy what it points to under components and refer to it as "#/components/…".`;
}

/**
 * A copy of `document` in which every object holding an external `$ref` is replaced by an
 * empty schema that says what was removed (documents stored before uploads were checked, and
 * API Gateway exports).
 */
export function withoutExternalRefs<T>(document: T): T {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (typeof value !== 'object' || value === null) return value;
    const ref = (value as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && !isLocal(ref))
      return { description: `Removed: an external reference (${ref}) the portal does not serve.` };
    return Object.fromEntries(Object.entries(value).map(([name, child]) => [name, strip(child)]));
  };
  return strip(document) as T;
}
