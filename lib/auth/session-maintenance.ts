import 'server-only';
import { createHash } from 'node:crypto';
import { accountStatus, type AccountStatus } from './cognito-admin';
import { refreshAuth } from './cognito-sign-in';
import { errorName } from './messages';
import { sessionFromTokens, type SessionToken } from './session-token';
import { accessTokenNeedsRefresh, statusCheckDue } from './session-timing';

/** Thrown when a session must end: next-auth then drops the cookie and the reader is signed out. */
export class SessionEndedError extends Error {
  constructor(reason: string) {
    super(`Session ended: ${reason}`);
    this.name = 'SessionEndedError';
  }
}

/**
 * Keeps a session's tokens fresh and its account checked. Server components cannot write the
 * renewed cookie back, so results are also kept in this process: a renewal or an account check
 * happens once per refresh token / account and interval, not once per request.
 */
const statuses = new Map<string, { checkedAt: number; status: AccountStatus }>();
const refreshes = new Map<string, Promise<SessionToken>>();
const maxEntries = 10_000;

export async function maintainSession(
  token: SessionToken,
  now = Date.now(),
): Promise<SessionToken> {
  await ensureActive(token.username, now);
  if (!accessTokenNeedsRefresh(token.accessTokenExpiresAt, now)) return token;
  const refreshed = await refreshOnce(token);
  // A session whose refresh failed for a passing reason keeps its identity until the next try.
  return refreshed ?? token;
}

/** Records an account status learnt elsewhere (at sign-in, or after deleting the account). */
export function rememberStatus(username: string, status: AccountStatus, now = Date.now()): void {
  remember(statuses, username, { checkedAt: now, status });
}

async function ensureActive(username: string, now: number): Promise<void> {
  let known = statuses.get(username);
  if (!known || statusCheckDue(known.checkedAt, now)) {
    try {
      known = { checkedAt: now, status: await accountStatus(username) };
      remember(statuses, username, known);
    } catch (error) {
      // Cognito unreachable: do not sign everyone out; the next request checks again.
      console.warn(`Could not check account status (${errorName(error) || 'error'}).`);
      return;
    }
  }
  if (known.status !== 'active') throw new SessionEndedError(`account ${known.status}`);
}

async function refreshOnce(token: SessionToken): Promise<SessionToken | undefined> {
  const key = createHash('sha256').update(token.refreshToken).digest('base64url');
  const earlier = refreshes.get(key);
  if (earlier) {
    // A refused refresh token stays refused: fail fast instead of asking Cognito again.
    const renewed = await earlier.catch((error: unknown) => {
      if (error instanceof SessionEndedError) throw error;
      return undefined;
    });
    if (renewed && !accessTokenNeedsRefresh(renewed.accessTokenExpiresAt, Date.now()))
      return renewed;
  }
  const pending = renew(token);
  remember(refreshes, key, pending);
  try {
    return await pending;
  } catch (error) {
    if (error instanceof SessionEndedError) throw error;
    refreshes.delete(key);
    console.warn(`Could not renew a session (${errorName(error) || 'error'}).`);
    return undefined;
  }
}

async function renew(token: SessionToken): Promise<SessionToken> {
  let tokens;
  try {
    tokens = await refreshAuth(token.refreshToken, token.username);
  } catch (error) {
    // Revoked, expired, or the account is disabled or deleted (real Cognito says so here).
    if (errorName(error) === 'NotAuthorizedException')
      throw new SessionEndedError('refresh token refused');
    throw error;
  }
  return sessionFromTokens(tokens, token.refreshToken);
}

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > maxEntries) {
    const oldest = map.keys().next().value;
    if (oldest === undefined) break;
    map.delete(oldest);
  }
}
