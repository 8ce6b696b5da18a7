import { signInUrl } from './callback-url';

/**
 * Which paths need a session, as the proxy sees them before any page renders. Only signing in
 * is decided here: whether someone is an admin is decided by the admin layout, pages, actions
 * and route handlers (requireAdmin), with the groups Cognito says now, not the cookie's.
 */
const protectedAreas = ['/dashboard', '/account', '/admin'];

export function needsSession(pathname: string): boolean {
  return protectedAreas.some((area) => pathname === area || pathname.startsWith(`${area}/`));
}

export type AccessDecision = { kind: 'allow' } | { kind: 'sign-in'; location: string };

export function accessDecision(
  url: { pathname: string; search: string },
  signedIn: boolean,
): AccessDecision {
  if (!needsSession(url.pathname) || signedIn) return { kind: 'allow' };
  return { kind: 'sign-in', location: signInUrl(`${url.pathname}${url.search}`) };
}
