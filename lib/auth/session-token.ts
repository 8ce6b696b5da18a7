import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { config } from '../config';
import type { CognitoTokens } from './cognito-sign-in';
import { poolKeys, verifyAccessToken, verifyIdToken } from './token-verifier';

/**
 * What the encrypted next-auth JWT cookie holds. Built only from verified tokens; the ID token
 * itself is not kept (cookie size), its claims are. `sub` is the customer's identity everywhere.
 */
export const sessionTokenSchema = z.object({
  /** This session's id (a JWT id): what signing out revokes on the server. */
  sid: z.uuid(),
  sub: z.string().min(1),
  email: z.string().min(1),
  /** `cognito:username`: what admin calls and the refresh SECRET_HASH need. */
  username: z.string().min(1),
  groups: z.array(z.string()),
  accessToken: z.string().min(1),
  /** Milliseconds since the epoch, from the verified access token's `exp`. */
  accessTokenExpiresAt: z.number(),
  refreshToken: z.string().min(1),
});

export type SessionToken = z.infer<typeof sessionTokenSchema>;

/**
 * Verifies both tokens against the pool's JWKS and keeps what the session needs. A new sign-in
 * gets a new session id; a renewal keeps the session's.
 */
export async function sessionFromTokens(
  tokens: CognitoTokens,
  refreshToken: string,
  sid: string = randomUUID(),
): Promise<SessionToken> {
  const { issuer, clientId } = config().cognito;
  const keys = poolKeys(issuer);
  const [id, access] = await Promise.all([
    verifyIdToken(tokens.idToken, keys, { issuer, clientId }),
    verifyAccessToken(tokens.accessToken, keys, { issuer, clientId }),
  ]);
  if (id.sub !== access.sub) throw new Error('The ID and access tokens name different users.');
  return {
    sid,
    sub: id.sub,
    email: id.email,
    username: access.username,
    groups: id['cognito:groups'],
    accessToken: tokens.accessToken,
    accessTokenExpiresAt: access.exp * 1000,
    refreshToken,
  };
}
