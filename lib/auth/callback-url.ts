/**
 * Where the portal sends someone after they sign in. Only paths on this portal are allowed, so
 * a crafted link such as `/sign-in?callbackUrl=https://evil.example` cannot bounce a person to
 * another site (an open redirect). Used by the proxy, the sign-in page, next-auth's redirect
 * callback and the browser, so it stays free of server-only imports.
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
 * `raw` normalised first, then checked: the path on this site it stands for, or undefined.
 * Every redirect the portal makes from a value it was given goes through here.
 *
 * Checking the raw text is not enough: `/.//evil.example` passes a "starts with one slash"
 * test and resolves to `//evil.example`, which a browser reads as another host. So the value
 * is resolved the way a browser would (dot segments removed), then the result is checked, and
 * the same again after percent-decoding, for anything (a later decode, a proxy) that might
 * see `%2F%2F` or `%5C` as slashes.
 */
export function sameOriginPath(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return undefined;
  const decoded = fullyDecoded(raw);
  if (decoded === undefined || !looksLikeLocalPath(raw) || !looksLikeLocalPath(decoded))
    return undefined;
  const path = resolvedPath(raw);
  if (path === undefined || !looksLikeLocalPath(path)) return undefined;
  const decodedPath = resolvedPath(decoded);
  if (decodedPath === undefined || !looksLikeLocalPath(decodedPath)) return undefined;
  return path;
}

/**
 * One slash then a non-slash: `//host` is protocol-relative, and browsers treat `\` like `/`
 * and drop tabs and newlines anywhere in a URL, so `/\host` and `/\t/host` are too.
 */
function looksLikeLocalPath(value: string): boolean {
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return false;
  return value.startsWith('/') && !value.startsWith('//');
}

function fullyDecoded(value: string): string | undefined {
  let current = value;
  for (let round = 0; round < 4; round += 1) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return undefined;
    }
    if (next === current) return current;
    current = next;
  }
  // Still changing after four rounds: nobody links like that except to hide something.
  return undefined;
}

function resolvedPath(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value, base);
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
