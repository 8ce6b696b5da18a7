import { NextResponse, type NextRequest } from 'next/server';
import { getToken } from 'next-auth/jwt';
import { accessDecision, needsSession } from './lib/auth/access-rules';
import { loadConfig, type PorticoConfig } from './lib/config/load';
import { contentSecurityPolicy, newNonce } from './lib/security/csp';

/**
 * Every page gets a Content-Security-Policy with a fresh nonce (Next reads it from the request
 * and puts it on its scripts). Signed-out visitors of protected pages go to sign-in (with a
 * same-origin callbackUrl); the pages, actions and route handlers check again on the server,
 * with the account's current groups, which the cookie read here may not have yet.
 */
let settings: PorticoConfig | undefined;

export async function proxy(request: NextRequest) {
  settings ??= loadConfig();
  const policy = contentSecurityPolicy(newNonce(), {
    development: process.env.NODE_ENV === 'development',
    https: settings.auth.url.startsWith('https:'),
  });
  const response = await route(request, settings, policy);
  response.headers.set('content-security-policy', policy);
  return response;
}

async function route(
  request: NextRequest,
  { auth }: PorticoConfig,
  policy: string,
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
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: [
    {
      // Not static files, and not the try-it proxy, whose answers carry a stricter policy.
      source: '/((?!_next/static|_next/image|favicon.ico|icon.svg|api/try/).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
