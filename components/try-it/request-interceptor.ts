import type { TryItAccess } from '@/lib/try-it/access-model';
import { consoleHeader, methodOverrideHeader, proxyUrlFor } from '@/lib/try-it/console-request';

/** Where the docs page's swagger-ui sends "Try it out": this API's proxy route. */
export interface TryItTarget {
  slug: string;
  baseUrl: string;
  /** Whose key the proxy will use, for the notice above the reference. */
  access: TryItAccess;
}

/** swagger-client's request object, as swagger-ui hands it to the interceptor. */
type SwaggerRequest = { [field: string]: unknown };

/**
 * swagger-ui's "Try it out" goes to `/api/try/{slug}/...` with the console header (same origin,
 * so the session cookie identifies a subscriber and the proxy adds their key); any URL outside
 * the stage is refused here, so a pasted key never leaves for another host.
 */
export function tryItRequestInterceptor({ slug, baseUrl }: TryItTarget) {
  return (request: SwaggerRequest): SwaggerRequest => {
    const url =
      typeof request.url === 'string' ? proxyUrlFor(slug, baseUrl, request.url) : undefined;
    if (!url) throw new Error("The console only calls this API's own invoke URL.");
    const given = typeof request.headers === 'object' && request.headers ? request.headers : {};
    const headers: Record<string, string> = {
      ...(given as Record<string, string>),
      [consoleHeader]: '1',
    };
    let method = typeof request.method === 'string' ? request.method.toUpperCase() : 'GET';
    // A HEAD answer has no body to carry the result back, so the proxy gets a POST that says so.
    if (method === 'HEAD') {
      headers[methodOverrideHeader] = 'HEAD';
      method = 'POST';
    }
    return { ...request, url, method, headers, credentials: 'same-origin' };
  };
}
