import type { KeyLocation } from '../gateway/openapi-export';
import type { OperationGroup } from '../gateway/operations';

export interface FirstCall {
  apiName: string;
  method: string;
  url: string;
  keyLocation: KeyLocation;
}

/**
 * The request a new subscriber should try first: a keyed GET without path parameters if the
 * API has one (it works as is), else its first keyed operation.
 */
export function chooseFirstCall(
  apiName: string,
  baseUrl: string,
  groups: OperationGroup[],
  keyLocation: KeyLocation,
): FirstCall | undefined {
  const operations = groups.flatMap((group) => group.operations).filter((op) => op.requiresKey);
  const chosen =
    operations.find((op) => op.method === 'GET' && !op.path.includes('{')) ?? operations[0];
  if (!chosen) return undefined;
  return { apiName, method: chosen.method, url: `${baseUrl}${chosen.path}`, keyLocation };
}

/** A curl command for the call; `key` is the real value or a placeholder such as `$API_KEY`. */
export function curlCommand(call: FirstCall, key: string): string {
  const { name } = call.keyLocation;
  if (call.keyLocation.in === 'query') {
    const separator = call.url.includes('?') ? '&' : '?';
    return `curl -X ${call.method} "${call.url}${separator}${name}=${key}"`;
  }
  return `curl -X ${call.method} "${call.url}" -H "${name}: ${key}"`;
}
