export interface OperationSummary {
  method: string;
  path: string;
  summary?: string;
  operationId?: string;
  requiresKey: boolean;
}

export interface OperationGroup {
  tag: string;
  operations: OperationSummary[];
}

/**
 * Where an operation sits on its docs page: `op-{operationId}` (guides link there as
 * `api:{slug}#{operationId}`), or, for an operation without an id, its method and path.
 */
export function operationAnchor(
  operation: Pick<OperationSummary, 'method' | 'path' | 'operationId'>,
) {
  if (operation.operationId) return `op-${operation.operationId}`;
  const path = operation.path.replace(/[^A-Za-z0-9_.]+/g, '-').replace(/^-|-$/g, '');
  return `op-${operation.method.toLowerCase()}${path ? `-${path}` : ''}`;
}

const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const untagged = 'Other operations';

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The overview's list of operations, grouped by their first tag in the order the document
 * declares its tags; operations without a tag come last.
 */
export function operationsByTag(spec: Loose): OperationGroup[] {
  const groups = new Map<string, OperationSummary[]>();
  if (Array.isArray(spec.tags)) {
    for (const tag of spec.tags)
      if (isObject(tag) && typeof tag.name === 'string') groups.set(tag.name, []);
  }
  const globalSecurity = Array.isArray(spec.security) ? spec.security : [];
  for (const [path, item] of Object.entries(isObject(spec.paths) ? spec.paths : {})) {
    if (!isObject(item)) continue;
    for (const method of httpMethods) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const tags = Array.isArray(operation.tags) ? operation.tags : [];
      const tag = typeof tags[0] === 'string' ? tags[0] : untagged;
      const security = Array.isArray(operation.security) ? operation.security : globalSecurity;
      const list = groups.get(tag) ?? [];
      list.push({
        method: method.toUpperCase(),
        path,
        summary: typeof operation.summary === 'string' ? operation.summary : undefined,
        operationId: typeof operation.operationId === 'string' ? operation.operationId : undefined,
        requiresKey: security.some(
          (requirement) => isObject(requirement) && 'api_key' in requirement,
        ),
      });
      groups.set(tag, list);
    }
  }
  const ordered = [...groups.entries()].filter(([, operations]) => operations.length > 0);
  ordered.sort(([a], [b]) => Number(a === untagged) - Number(b === untagged));
  return ordered.map(([tag, operations]) => ({ tag, operations }));
}
