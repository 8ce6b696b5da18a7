import { NextResponse, type NextRequest } from 'next/server';
import { getToken } from 'next-auth/jwt';
import { accessDecision, needsSession } from './lib/auth/access-rules';
import { loadConfig, type PorticoConfig } from './lib/config/load';
import { contentSecurityPolicy, newNonce } from './lib/security/csp';

/**
 * Anonymous visitors' plain GETs of the public pages are answered from cache: rewritten to
 * app/cached/public/…, rendered once and kept (only public content is ever in them). Anyone
 * with a session cookie, and searches, get the per-visitor routes.
 *
 * Pages rendered per request get a Content-Security-Policy with a fresh nonce (Next reads it
 * from the request and puts it on its scripts). Pages served from cache (those, and the static
 * home page) get theirs with the cached HTML: the hashes of its inline scripts
 * (lib/security/static-csp-cache.mjs); a nonce here would not match the kept HTML.
 *
 * Signed-out visitors of protected pages go to sign-in (with a same-origin callbackUrl); the
 * pages, actions and route handlers check again on the server, with the account's current
 * groups, which the cookie read here may not have yet.
 */
let settings: PorticoConfig | undefined;

const development = process.env.NODE_ENV === 'development';
const cachedPublicPages = /^\/(?:apis(?:\/[^/]+)?|plans|guides(?:\/[^/]+)?|llms\.txt)$/;
/** Pages with no per-visitor part at all: prerendered at build time. */
const staticPages = new Set(['/']);
const sessionCookie = /^(?:__Secure-)?next-auth\.session-token(?:\.\d+)?$/;

export async function proxy(request: NextRequest) {
  settings ??= loadConfig();
  const { pathname } = request.nextUrl;
  // A kept page carries its own policy. The rewrite below reaches here again when Next proxies
  // it over HTTP (it does when the rewritten URL's origin differs from the one it listens on,
  // as `next start --hostname 127.0.0.1` does locally); asked for directly, it is public anyway.
  if (pathname.startsWith('/cached/')) return NextResponse.next();
  const cached = cachedCopy(request);
  // Development renders every page per request, cached ones included: they get a nonce too.
  if (isPrefetch(request) || (!development && (cached || staticPages.has(pathname))))
    return cached ? NextResponse.rewrite(cached) : NextResponse.next();

  const policy = contentSecurityPolicy(newNonce(), {
    development,
    https: settings.auth.url.startsWith('https:'),
  });
  const response = await route(request, settings, policy, cached);
  response.headers.set('content-security-policy', policy);
  return response;
}

/** Where an anonymous visitor's request for a public page is kept, if it is one. */
function cachedCopy(request: NextRequest): URL | undefined {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  // Only whole pages: under `next start` a rewrite whose host differs from the bound one (the
  // browser's localhost, the server's 127.0.0.1) is proxied over HTTP, and the router's
  // payload fetches, which browsers cancel mid-flight, came back as 500s that way.
  if (request.headers.has('rsc')) return undefined;
  const { pathname, searchParams } = request.nextUrl;
  if (!cachedPublicPages.test(pathname)) return undefined;
  if (searchParams.size > 0) return undefined;
  if (request.cookies.getAll().some((cookie) => sessionCookie.test(cookie.name))) return undefined;
  const url = request.nextUrl.clone();
  url.pathname = `/cached/public${pathname}`;
  return url;
}

function isPrefetch(request: NextRequest): boolean {
  return (
    request.headers.has('next-router-prefetch') || request.headers.get('purpose') === 'prefetch'
  );
}

async function route(
  request: NextRequest,
  { auth }: PorticoConfig,
  policy: string,
  cached: URL | undefined,
): Promise<NextResponse> {
  if (needsSession(request.nextUrl.pathname)) {
    const token = await getToken({
      req: request,
      secret: auth.secret,
      secureCookie: auth.url.startsWith('https:'),
    });
    const decision = accessDecision(request.nextUrl, token !== null);
    if (decision.kind === 'sign-in')
      return NextResponse.redirect(new URL(decision.location, request.url));
  }
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  return cached
    ? NextResponse.rewrite(cached, { request: { headers } })
    : NextResponse.next({ request: { headers } });
}

export const config = {
  // Not static files, and not the try-it proxy, whose answers carry a stricter policy.
  // Prefetches come here too, so that they fetch the same (cached or per-visitor) page.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|api/try/).*)'],
};
