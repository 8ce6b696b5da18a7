import 'server-only';
import { getServerSession, type NextAuthOptions } from 'next-auth';
import { cookies } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { z } from 'zod';
import { config } from '../config';
import { signInUrl } from './callback-url';
import { authOptions } from './options';
import { isAdmin } from './roles';
import { sessionTokenSchema } from './session-token';

/** The signed-in person as server code sees them: identity, roles and a live access token. */
export interface CurrentUser {
  /** The Cognito `sub`: the customer's identity everywhere in the portal. */
  sub: string;
  /** `cognito:username` (in pools that sign in by email, a UUID rather than the email). */
  username: string;
  email: string;
  groups: string[];
  isAdmin: boolean;
  /** For Cognito calls made on the person's behalf; never sent to the browser. */
  accessToken: string;
}

const serverSession = z.object({
  server: sessionTokenSchema.extend({ isAdmin: z.boolean() }),
});

/**
 * The same options as the route handler, except that the session also carries the access
 * token. Only server code reads this variant: the browser's session endpoint never uses it.
 */
function serverOptions(): NextAuthOptions {
  const options = authOptions();
  const { adminGroup } = config();
  return {
    ...options,
    callbacks: {
      ...options.callbacks,
      session: ({ session, token }) => {
        const current = sessionTokenSchema.parse(token);
        const server = { ...current, isAdmin: isAdmin(current.groups, adminGroup) };
        return Object.assign(session, { server });
      },
    },
  };
}

/** Read once per request (React's cache), renewing tokens and re-checking the account as due. */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  // Reading cookies first also marks the page dynamic before any configuration is needed (the
  // build prerenders without a stack), and spares anonymous visitors next-auth's work.
  const jar = await cookies();
  if (!jar.getAll().some((cookie) => cookie.name.includes('next-auth.session-token'))) return null;
  const session = serverSession.safeParse(await getServerSession(serverOptions()));
  if (!session.success) return null;
  const { sub, username, email, groups, isAdmin, accessToken } = session.data.server;
  return { sub, username, email, groups, isAdmin, accessToken };
});

/**
 * For every protected page, server action and route handler. Signed-out people are sent to
 * sign in and brought back to `returnTo` afterwards.
 */
export async function requireUser(returnTo = '/account'): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(signInUrl(returnTo));
  return user;
}

/** As `requireUser`, and someone who is not an admin gets a 403 (app/forbidden.tsx). */
export async function requireAdmin(returnTo = '/admin'): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (!user.isAdmin) forbidden();
  return user;
}
