import { signInUrl } from './callback-url';
import { isAdmin } from './roles';

/**
 * Which paths need a session, as the proxy sees them before any page renders. Pages, server
 * actions and route handlers check again on the server (requireUser / requireAdmin): the proxy
 * is the fast path for a friendly redirect, not the only guard.
 */
const userAreas = ['/dashboard', '/account'];
const adminAreas = ['/admin'];

function within(pathname: string, areas: string[]): boolean {
  return areas.some((area) => pathname === area || pathname.startsWith(`${area}/`));
}

export type AccessDecision =
  { kind: 'allow' } | { kind: 'sign-in'; location: string } | { kind: 'forbidden' };

export function accessDecision(
  url: { pathname: string; search: string },
  session: { groups: readonly string[] } | null,
  adminGroup: string,
): AccessDecision {
  const admin = within(url.pathname, adminAreas);
  if (!admin && !within(url.pathname, userAreas)) return { kind: 'allow' };
  if (!session) return { kind: 'sign-in', location: signInUrl(`${url.pathname}${url.search}`) };
  if (admin && !isAdmin(session.groups, adminGroup)) return { kind: 'forbidden' };
  return { kind: 'allow' };
}
