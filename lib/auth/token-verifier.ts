import 'server-only';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';

/**
 * Checks a Cognito token the way AWS documents it: an RS256 signature by a key of the pool's
 * JWKS, the pool as issuer, the app client as audience (`aud` in ID tokens, `client_id` in
 * access tokens), the expected `token_use`, and an expiry in the future. Claims are only read
 * after all of that passed; a merely decoded token is never trusted.
 */
export interface TokenExpectations {
  issuer: string;
  clientId: string;
  /** Allowed clock difference with Cognito, in seconds. */
  clockToleranceSeconds?: number;
  /** The time to check `exp` against (tests pass a fixed one). */
  now?: Date;
}

const groups = z.array(z.string()).default([]);

export const idTokenClaims = z.object({
  sub: z.string().min(1),
  email: z.string().min(1),
  'cognito:username': z.string().min(1),
  'cognito:groups': groups,
  exp: z.number(),
});

export const accessTokenClaims = z.object({
  sub: z.string().min(1),
  username: z.string().min(1),
  client_id: z.string().min(1),
  'cognito:groups': groups,
  exp: z.number(),
});

export type IdTokenClaims = z.infer<typeof idTokenClaims>;
export type AccessTokenClaims = z.infer<typeof accessTokenClaims>;

export class TokenRejectedError extends Error {
  constructor(reason: string) {
    super(`Cognito token rejected: ${reason}`);
    this.name = 'TokenRejectedError';
  }
}

async function verified(
  token: string,
  keys: JWTVerifyGetKey,
  expected: TokenExpectations,
  tokenUse: 'id' | 'access',
) {
  try {
    const { payload } = await jwtVerify(token, keys, {
      issuer: expected.issuer,
      algorithms: ['RS256'],
      requiredClaims: ['exp', 'iat', 'sub', 'token_use'],
      clockTolerance: expected.clockToleranceSeconds ?? 5,
      ...(tokenUse === 'id' ? { audience: expected.clientId } : {}),
      ...(expected.now ? { currentDate: expected.now } : {}),
    });
    if (payload.token_use !== tokenUse) throw new TokenRejectedError(`not an ${tokenUse} token`);
    if (tokenUse === 'access' && payload.client_id !== expected.clientId)
      throw new TokenRejectedError('issued to another app client');
    return payload;
  } catch (error) {
    if (error instanceof TokenRejectedError) throw error;
    throw new TokenRejectedError(error instanceof Error ? error.message : 'invalid');
  }
}

export async function verifyIdToken(
  token: string,
  keys: JWTVerifyGetKey,
  expected: TokenExpectations,
): Promise<IdTokenClaims> {
  const claims = idTokenClaims.safeParse(await verified(token, keys, expected, 'id'));
  if (!claims.success) throw new TokenRejectedError('missing claims');
  return claims.data;
}

export async function verifyAccessToken(
  token: string,
  keys: JWTVerifyGetKey,
  expected: TokenExpectations,
): Promise<AccessTokenClaims> {
  const claims = accessTokenClaims.safeParse(await verified(token, keys, expected, 'access'));
  if (!claims.success) throw new TokenRejectedError('missing claims');
  return claims.data;
}

const jwksByIssuer = new Map<string, JWTVerifyGetKey>();

/** The pool's public keys, fetched once and cached by jose (refetched for an unknown `kid`). */
export function poolKeys(issuer: string): JWTVerifyGetKey {
  let keys = jwksByIssuer.get(issuer);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));
    jwksByIssuer.set(issuer, keys);
  }
  return keys;
}
