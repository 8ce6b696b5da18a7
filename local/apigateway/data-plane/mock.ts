import type { Method } from '../model/types';

export interface MockResponse {
  status: number;
  body: string;
  /** The body's length in bytes, as the `content-length` header carries it. */
  contentLength: string;
}

const cache = new WeakMap<Method, MockResponse>();

/**
 * What a MOCK integration answers: the status its request template selects (`{"statusCode":
 * 200}`), with that integration response's template as the body or, when it has none, the
 * OpenAPI example of the method's response for that status.
 */
export function mockResponse(method: Method): MockResponse {
  const cached = cache.get(method);
  if (cached) return cached;
  const integration = method.integration;
  const requested = requestedStatus(integration?.requestTemplates?.['application/json']);
  const entries = Object.values(integration?.responses ?? {});
  const selected =
    entries.find((entry) => Number(entry.statusCode) === requested) ??
    (integration?.responses?.default as (typeof entries)[number] | undefined);
  const status = selected ? Number(selected.statusCode) : requested;
  const body =
    selected?.responseTemplates?.['application/json'] ??
    method.responseExamples?.[String(status)] ??
    '';
  const response = { status, body, contentLength: String(Buffer.byteLength(body)) };
  cache.set(method, response);
  return response;
}

function requestedStatus(template: string | undefined): number {
  if (!template) return 200;
  try {
    const status = Number((JSON.parse(template) as { statusCode?: unknown }).statusCode);
    return Number.isInteger(status) && status >= 100 && status <= 599 ? status : 200;
  } catch {
    return 200;
  }
}
