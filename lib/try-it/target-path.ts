/**
 * Where a console request may go: only below the stage's invoke URL. The browser names a path
 * inside the stage, never a host; every segment is decoded once, checked and encoded again, so
 * dot segments, encoded slashes and backslashes (`..%2f`, `%2e%2e`, `%5c`) or control
 * characters cannot climb out of the stage or smuggle a second request line. A doubly encoded
 * `%252e` stays the literal text `%2e`, which API Gateway decodes once, as we do.
 */
export type StagePath = { ok: true; path: string } | { ok: false; reason: string };

/** Escapes a segment but keeps the characters RFC 3986 allows in one as they are. */
const encodeSegment = (segment: string) =>
  encodeURIComponent(segment).replace(/%(21|24|26|27|28|29|2A|2B|2C|3B|3D|3A|40)/g, (escaped) =>
    decodeURIComponent(escaped),
  );

const controlCharacters = /[\u0000-\u001f\u007f]/;

/** `/forecast/lisbon` from the still-encoded path after `/api/try/{slug}`. */
export function normaliseStagePath(rawTail: string): StagePath {
  if (rawTail === '' || rawTail === '/') return { ok: true, path: '/' };
  if (!rawTail.startsWith('/')) return refuse('the path must start with "/"');
  if (rawTail.includes('\\')) return refuse('backslashes are not allowed in the path');
  const rawSegments = rawTail.slice(1).split('/');
  const segments: string[] = [];
  for (const [index, raw] of rawSegments.entries()) {
    const last = index === rawSegments.length - 1;
    if (raw === '') {
      if (last) break;
      return refuse('empty path segments ("//") are not allowed');
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return refuse('the path has malformed percent-encoding');
    }
    if (decoded === '.' || decoded === '..') return refuse('"." and ".." are not allowed');
    if (decoded.includes('/') || decoded.includes('\\'))
      return refuse('encoded slashes and backslashes are not allowed');
    if (controlCharacters.test(decoded)) return refuse('control characters are not allowed');
    segments.push(encodeSegment(decoded));
  }
  const trailingSlash = rawTail.endsWith('/') ? '/' : '';
  return { ok: true, path: `/${segments.join('/')}${trailingSlash}` };
}

/**
 * The upstream URL, or undefined if it would leave the stage (checked again on the parsed
 * URL, whatever the path looked like).
 */
export function stageUrl(baseUrl: string, path: string, query: string): URL | undefined {
  let base: URL;
  let target: URL;
  try {
    base = new URL(baseUrl);
    target = new URL(`${baseUrl.replace(/\/+$/, '')}${path}${query ? `?${query}` : ''}`);
  } catch {
    return undefined;
  }
  const basePath = base.pathname.replace(/\/+$/, '');
  const inside =
    target.origin === base.origin &&
    target.username === '' &&
    target.password === '' &&
    target.hash === '' &&
    (target.pathname === basePath || target.pathname.startsWith(`${basePath}/`));
  return inside ? target : undefined;
}

/** The raw path after `/api/try/{slug}` in the portal's own (still encoded) request path. */
export function tailAfterSlug(pathname: string): string {
  const parts = pathname.split('/');
  // ['', 'api', 'try', slug, ...rest]
  return parts.length > 4 ? `/${parts.slice(4).join('/')}` : '/';
}

const refuse = (reason: string): StagePath => ({ ok: false, reason });
