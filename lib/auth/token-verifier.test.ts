import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { TokenRejectedError, verifyAccessToken, verifyIdToken } from './token-verifier';

const issuer = 'http://127.0.0.1:9229/local_Pool1';
const clientId = 'portico-client';
const now = new Date('2025-06-01T12:00:00Z');
const nowSeconds = Math.floor(now.getTime() / 1000);
const expected = { issuer, clientId, now };

type Keys = Awaited<ReturnType<typeof generateKeyPair>>;
let poolKey: Keys;
let otherKey: Keys;
let jwks: ReturnType<typeof createLocalJWKSet>;

beforeAll(async () => {
  poolKey = await generateKeyPair('RS256');
  otherKey = await generateKeyPair('RS256');
  jwks = createLocalJWKSet({
    keys: [{ ...(await exportJWK(poolKey.publicKey)), kid: 'pool', alg: 'RS256', use: 'sig' }],
  });
});

const idClaims = {
  sub: 'sub-1',
  email: 'dev@example.com',
  'cognito:username': 'sub-1',
  'cognito:groups': ['portal-admins'],
  token_use: 'id',
  aud: clientId,
};
const accessClaims = {
  sub: 'sub-1',
  username: 'sub-1',
  client_id: clientId,
  token_use: 'access',
};

function sign(
  claims: JWTPayload,
  options: { key?: Keys; kid?: string; iss?: string; exp?: number } = {},
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'pool' })
    .setIssuer(options.iss ?? issuer)
    .setIssuedAt(nowSeconds - 60)
    .setExpirationTime(options.exp ?? nowSeconds + 3600)
    .sign((options.key ?? poolKey).privateKey);
}

async function rejection(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(TokenRejectedError);
  return (error as Error).message;
}

describe('verifyIdToken', () => {
  it("returns the claims of a valid ID token from the pool's key", async () => {
    const claims = await verifyIdToken(await sign(idClaims), jwks, expected);
    expect(claims).toMatchObject({
      sub: 'sub-1',
      email: 'dev@example.com',
      'cognito:groups': ['portal-admins'],
    });
  });

  it('defaults groups to none', async () => {
    const { 'cognito:groups': _groups, ...claims } = idClaims;
    expect((await verifyIdToken(await sign(claims), jwks, expected))['cognito:groups']).toEqual([]);
  });

  it('rejects an expired token', async () => {
    const token = await sign(idClaims, { exp: nowSeconds - 60 });
    expect(await rejection(verifyIdToken(token, jwks, expected))).toMatch(/"exp"/);
  });

  it('rejects another issuer', async () => {
    const token = await sign(idClaims, { iss: 'http://127.0.0.1:9229/other_Pool' });
    expect(await rejection(verifyIdToken(token, jwks, expected))).toMatch(/"iss"/);
  });

  it('rejects a token for another app client', async () => {
    const token = await sign({ ...idClaims, aud: 'someone-else' });
    expect(await rejection(verifyIdToken(token, jwks, expected))).toMatch(/"aud"/);
  });

  it('rejects an access token offered as an ID token', async () => {
    const token = await sign({ ...accessClaims, aud: clientId });
    expect(await rejection(verifyIdToken(token, jwks, expected))).toMatch(/not an id token/);
  });

  it('rejects a tampered payload', async () => {
    const [header, , signature] = (await sign(idClaims)).split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...idClaims, 'cognito:groups': ['portal-admins', 'root'], iss: issuer }),
    ).toString('base64url');
    expect(
      await rejection(verifyIdToken(`${header}.${forged}.${signature}`, jwks, expected)),
    ).toMatch(/signature/);
  });

  it('rejects a token signed by a key outside the JWKS, even with a known kid', async () => {
    const token = await sign(idClaims, { key: otherKey });
    expect(await rejection(verifyIdToken(token, jwks, expected))).toMatch(/signature/);
  });

  it('rejects an unsigned token (alg none)', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', kid: 'pool' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ ...idClaims, iss: issuer, iat: nowSeconds, exp: nowSeconds + 60 }),
    ).toString('base64url');
    await rejection(verifyIdToken(`${header}.${payload}.`, jwks, expected));
  });

  it('rejects a token without the claims the portal relies on', async () => {
    const { email: _email, ...claims } = idClaims;
    expect(await rejection(verifyIdToken(await sign(claims), jwks, expected))).toMatch(
      /missing claims/,
    );
  });
});

describe('verifyAccessToken', () => {
  it('returns the claims of a valid access token', async () => {
    const claims = await verifyAccessToken(await sign(accessClaims), jwks, expected);
    expect(claims).toMatchObject({ sub: 'sub-1', username: 'sub-1', client_id: clientId });
  });

  it('rejects an access token of another app client', async () => {
    const token = await sign({ ...accessClaims, client_id: 'someone-else' });
    expect(await rejection(verifyAccessToken(token, jwks, expected))).toMatch(/another app client/);
  });

  it('rejects an ID token offered as an access token', async () => {
    const token = await sign({ ...idClaims, client_id: clientId });
    expect(await rejection(verifyAccessToken(token, jwks, expected))).toMatch(
      /not an access token/,
    );
  });

  it('rejects an expired access token beyond the clock tolerance only', async () => {
    const justExpired = await sign(accessClaims, { exp: nowSeconds - 3 });
    await expect(verifyAccessToken(justExpired, jwks, expected)).resolves.toBeDefined();
    const expired = await sign(accessClaims, { exp: nowSeconds - 30 });
    await rejection(verifyAccessToken(expired, jwks, expected));
  });
});
