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
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return fallback;
  // Browsers treat `\` like `/` and ignore tabs and newlines, so `/\evil.example` and
  // `/\t/evil.example` would become protocol-relative URLs: refuse any of them outright.
  if (!raw.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(raw)) return fallback;
  if (raw.startsWith('//')) return fallback;
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Sending someone back to an auth page after signing in would loop.
  if (isAuthPath(url.pathname)) return fallback;
  return path;
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
