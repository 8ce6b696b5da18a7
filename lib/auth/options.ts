import 'server-only';
import type { NextAuthOptions, Session } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { config } from '../config';
import { redirectWithin } from './callback-url';
import { revokeRefreshToken } from './cognito-sign-in';
import { hostedUiProvider, hostedUiProviderId, sessionFromHostedUi } from './hosted-ui';
import { errorName } from './messages';
import { isAdmin } from './roles';
import { maintainSession, SessionEndedError } from './session-maintenance';
import { revokeSession } from './session-revocation';
import { sessionTokenSchema, type SessionToken } from './session-token';
import { SignInError, signInWithPassword } from './sign-in';

const thirtyDays = 30 * 24 * 60 * 60;

/** The id the sign-in form passes to next-auth's `signIn()`. */
export const passwordProviderId = 'password';

/**
 * next-auth with JWT sessions: the encrypted cookie holds the verified Cognito tokens; the
 * browser's view of the session (GET /api/auth/session) holds identity and roles only.
 */
export function authOptions(): NextAuthOptions {
  const { auth, adminGroup, cognito } = config();
  const hostedUi = hostedUiProvider(cognito);
  // next-auth reads its public URL from the environment on every request; in local mode the
  // URL may come from the local stack's stack.json instead, so hand it over.
  process.env.NEXTAUTH_URL ??= auth.url;
  return {
    secret: auth.secret,
    useSecureCookies: auth.url.startsWith('https:'),
    session: { strategy: 'jwt', maxAge: thirtyDays },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        id: passwordProviderId,
        name: 'Email and password',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
          newPassword: { label: 'New password', type: 'password' },
        },
        async authorize(credentials, request) {
          const headers = request.headers ?? {};
          const read = (name: string) => {
            const value: unknown = headers[name];
            return typeof value === 'string' ? value : undefined;
          };
          const session = await signInWithPassword(credentials, read);
          return { id: session.sub, ...session };
        },
      }),
      ...(hostedUi ? [hostedUi] : []),
    ],
    callbacks: {
      async jwt({ token, user, account }) {
        if (account?.provider === hostedUiProviderId)
          return { ...(await sessionFromHostedUi(account)) };
        // On sign-in `user` is what authorize returned; afterwards only the cookie's token.
        const current = sessionTokenSchema.safeParse(user ?? token);
        if (!current.success) throw new SessionEndedError('unreadable session');
        return { ...(await maintainSession(current.data)) };
      },
      session({ session, token }) {
        return publicSession(session, sessionTokenSchema.parse(token), adminGroup);
      },
      redirect: ({ url, baseUrl }) => redirectWithin(url, baseUrl),
    },
    events: {
      async signOut({ token }) {
        const session = sessionTokenSchema.safeParse(token);
        if (!session.success) return;
        // The session id first: a copy of this cookie is refused from now on, on any server.
        await revokeSession(session.data.sid).catch((error: unknown) =>
          console.error(`Could not record a sign-out (${errorName(error) || 'error'}).`),
        );
        // A failed Cognito revocation only leaves the refresh token to expire.
        await revokeRefreshToken(session.data.refreshToken).catch((error: unknown) =>
          console.warn(`Could not revoke a refresh token (${errorName(error) || 'error'}).`),
        );
      },
    },
    logger: {
      error(code, metadata) {
        const cause =
          metadata instanceof Error ? metadata : (metadata as { error?: unknown })?.error;
        // Ended sessions and refused sign-ins are expected; they are not server errors.
        if (cause instanceof SessionEndedError || cause instanceof SignInError) return;
        console.error(`[next-auth] ${code}`, cause ?? metadata);
      },
      warn(code) {
        console.warn(`[next-auth] ${code}`);
      },
      debug() {},
    },
  };
}

function publicSession(session: Session, token: SessionToken, adminGroup: string): Session {
  return {
    expires: session.expires,
    user: {
      id: token.sub,
      email: token.email,
      groups: token.groups,
      isAdmin: isAdmin(token.groups, adminGroup),
    },
  };
}
