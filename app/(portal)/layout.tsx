import type { ReactNode } from 'react';
import { requireUser } from '@/lib/auth/session';

/**
 * Every customer page (dashboard, usage, account) needs a signed-in person: signed-out visitors
 * are sent to sign in, never shown a 404. The proxy redirects first; this is the check that
 * cannot be skipped. Pages still read the user themselves (one cached lookup per request),
 * because a soft navigation re-renders the page without this layout.
 */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  await requireUser('/dashboard');
  return <>{children}</>;
}
