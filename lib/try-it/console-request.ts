/**
 * Headers the docs page's console adds to its calls to `/api/try/...`. They start with
 * `x-portico-`, which the proxy never forwards upstream.
 */
export const consoleHeader = 'x-portico-try';
export const methodOverrideHeader = 'x-portico-method';

/**
 * `/api/try/{slug}/forecast/lisbon?units=metric` for a request swagger-ui built against the
 * stage's invoke URL, or undefined for any other URL (which the console then refuses to call).
 */
export function proxyUrlFor(slug: string, baseUrl: string, requestUrl: string): string | undefined {
  let base: URL;
  let target: URL;
  try {
    base = new URL(baseUrl);
    target = new URL(requestUrl);
  } catch {
    return undefined;
  }
  const basePath = base.pathname.replace(/\/+$/, '');
  if (target.origin !== base.origin) return undefined;
  if (target.pathname !== basePath && !target.pathname.startsWith(`${basePath}/`)) return undefined;
  const rest = target.pathname.slice(basePath.length) || '/';
  return `/api/try/${encodeURIComponent(slug)}${rest}${target.search}`;
}
