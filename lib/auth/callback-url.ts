/**
 * Where the portal sends someone after they sign in. Only paths on this portal are allowed, so
 * a crafted link such as `/sign-in?callbackUrl=https://evil.example` cannot bounce a person to
 * another site (an open redirect). Used by the proxy, the sign-in page and the browser, so it
 * stays free of server-only imports.
 */
export const defaultCallbackPath = '/account';

/** Any origin works as the base: the check is that resolving the value does not leave it. */
const base = 'https://portal.invalid';

export function safeCallbackUrl(raw: unknown, fallback: string = defaultCallbackPath): string {
  const path = sameOriginPath(raw);
  // Sending someone back to an auth page after signing in would loop.
  if (path === undefined || isAuthPath(new URL(path, base).pathname)) return fallback;
  return path;
}

/**
 * `raw` as a path on this site, or undefined if it is anything else. next-auth's own redirects
 * (after signing out, to /sign-in for instance) go through this check.
 */
export function sameOriginPath(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return undefined;
  // Browsers treat `\` like `/` and ignore tabs and newlines, so `/\evil.example` and
  // `/\t/evil.example` would become protocol-relative URLs: refuse any of them outright.
  if (!raw.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(raw)) return undefined;
  if (raw.startsWith('//')) return undefined;
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return undefined;
  }
  if (url.origin !== base) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}

const authPaths = [
  '/sign-in',
  '/sign-up',
  '/sign-out',
  '/confirm',
  '/forgot-password',
  '/reset-password',
];

function isAuthPath(pathname: string): boolean {
  return authPaths.some((path) => pathname === path || pathname.startsWith(`${path}/`));
}

/** The sign-in page's address for someone who asked for `path`. */
export function signInUrl(path: string): string {
  const target = safeCallbackUrl(path, '');
  return target ? `/sign-in?callbackUrl=${encodeURIComponent(target)}` : '/sign-in';
}

/**
 * next-auth's `redirect` callback: absolute URLs on the portal and paths stay, anything else
 * goes home. Auth pages are allowed here (signing out lands on /sign-in).
 */
export function redirectWithin(url: string, baseUrl: string): string {
  const onSite = url === baseUrl || url.startsWith(`${baseUrl}/`) || url.startsWith(`${baseUrl}?`);
  const path = onSite ? url.slice(baseUrl.length) || '/' : url;
  return `${baseUrl}${sameOriginPath(path) ?? '/'}`;
}
