import { badRequest } from '../errors';

export interface PatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: string;
  from?: string;
}

const ops = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

export function patchOperationsOf(body: Record<string, unknown>): PatchOperation[] {
  const list = body.patchOperations ?? [];
  if (!Array.isArray(list)) throw badRequest('Invalid patchOperations: expected a list');
  return list.map((operation: unknown) => {
    const { op, path, value, from } = (operation ?? {}) as Record<string, unknown>;
    if (typeof op !== 'string' || !ops.has(op)) {
      throw badRequest(`Invalid patch operation: ${String(op)}`);
    }
    if (typeof path !== 'string' || !path.startsWith('/')) {
      throw badRequest(`Invalid patch path: ${String(path)}`);
    }
    return {
      op: op as PatchOperation['op'],
      path,
      ...(typeof value === 'string' ? { value } : {}),
      ...(typeof from === 'string' ? { from } : {}),
    };
  });
}

export function valueOf(operation: PatchOperation): string {
  if (operation.value === undefined) {
    throw badRequest(`Patch operation ${operation.op} ${operation.path} needs a value`);
  }
  return operation.value;
}

export function unsupportedPatch(operation: PatchOperation): never {
  throw badRequest(
    `Invalid patch operation specified. Must be one of the supported operations for this resource; got ${operation.op} ${operation.path}`,
  );
}
