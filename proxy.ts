import { NextResponse, type NextRequest } from 'next/server';
import { getToken } from 'next-auth/jwt';
import { accessDecision } from './lib/auth/access-rules';
import { loadConfig, type PorticoConfig } from './lib/config/load';

/**
 * Signed-out visitors of protected pages go to sign-in (with a same-origin callbackUrl);
 * signed-in customers get a 403 in the admin area. The pages check again on the server.
 */
let settings: PorticoConfig | undefined;

export async function proxy(request: NextRequest) {
  settings ??= loadConfig();
  const token = await getToken({
    req: request,
    secret: settings.auth.secret,
    secureCookie: settings.auth.url.startsWith('https:'),
  });
  const groups = Array.isArray(token?.groups) ? token.groups.map(String) : [];
  const decision = accessDecision(request.nextUrl, token ? { groups } : null, settings.adminGroup);
  if (decision.kind === 'sign-in')
    return NextResponse.redirect(new URL(decision.location, request.url));
  // A rewrite cannot carry a status; the page it lands on answers 403 with forbidden().
  if (decision.kind === 'forbidden')
    return NextResponse.rewrite(new URL('/access-denied', request.url));
  return NextResponse.next();
}

export const config = {
  matcher: ['/dashboard/:path*', '/account/:path*', '/admin/:path*'],
};
