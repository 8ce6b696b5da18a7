import type { Integration } from '../model/types';

export interface ProxiedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export class IntegrationTimeout extends Error {}

const hopByHop = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
]);

/**
 * `http://upstream/items/{id}` with `{id}` from the matched path. A greedy `{proxy+}` value
 * keeps its slashes, so each segment is encoded on its own.
 */
export function upstreamUrl(
  uri: string,
  pathParameters: Record<string, string>,
  queryString: string,
): string {
  const filled = uri.replace(/\{([^}+]+)\+?\}/g, (match, name: string) => {
    const value = pathParameters[name];
    return value === undefined ? match : value.split('/').map(encodeURIComponent).join('/');
  });
  return queryString ? `${filled}${filled.includes('?') ? '&' : '?'}${queryString}` : filled;
}

/** HTTP_PROXY: the request goes upstream as it came; the answer comes back as it is. */
export async function forwardRequest(
  integration: Integration,
  target: string,
  request: { method: string; headers: Record<string, string | string[] | undefined>; body: Buffer },
): Promise<ProxiedResponse> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || hopByHop.has(name)) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method =
    integration.httpMethod && integration.httpMethod !== 'ANY'
      ? integration.httpMethod
      : request.method;
  let response: Response;
  try {
    response = await fetch(target, {
      method,
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(integration.timeoutInMillis),
      ...(method === 'GET' || method === 'HEAD' ? {} : { body: new Uint8Array(request.body) }),
    });
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') throw new IntegrationTimeout();
    throw error;
  }
  const body = Buffer.from(await response.arrayBuffer());
  const responseHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    // fetch has already decoded the body, so its encoding and length no longer apply.
    if (!hopByHop.has(name) && name !== 'content-encoding') responseHeaders[name] = value;
  });
  return { status: response.status, headers: responseHeaders, body };
}
