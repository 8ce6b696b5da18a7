import 'server-only';
import { createHash } from 'node:crypto';
import { accountState, type AccountState } from './cognito-admin';
import { refreshAuth } from './cognito-sign-in';
import { errorName } from './messages';
import { processWide } from './process-wide';
import { sessionRevoked } from './session-revocation';
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
 * Keeps a session's tokens fresh, its account checked and its groups current. Server
 * components cannot write the renewed cookie back, so results are also kept in this process:
 * a renewal or an account check happens once per refresh token / account and interval, not
 * once per request.
 */
const accounts = processWide(
  'session.accounts',
  () => new Map<string, AccountState & { checkedAt: number }>(),
);
const refreshes = processWide('session.refreshes', () => new Map<string, Promise<SessionToken>>());
const maxEntries = 10_000;

export async function maintainSession(
  token: SessionToken,
  now = Date.now(),
): Promise<SessionToken> {
  if (await sessionRevoked(token.sid, now)) throw new SessionEndedError('signed out');
  const current = withGroups(token, await ensureActive(token.username, now));
  if (!accessTokenNeedsRefresh(current.accessTokenExpiresAt, now)) return current;
  const refreshed = await refreshOnce(current);
  // A session whose refresh failed for a passing reason keeps its identity until the next try.
  return refreshed ?? current;
}

/** Records an account state learnt elsewhere (at sign-in, after deleting or closing it). */
export function rememberAccount(username: string, state: AccountState, now = Date.now()): void {
  remember(accounts, username, { ...state, checkedAt: now });
}

/** After a change made here (a role), the next request re-reads the account at once. */
export function forgetAccount(username: string): void {
  accounts.delete(username);
}

async function ensureActive(username: string, now: number): Promise<AccountState | undefined> {
  let known = accounts.get(username);
  if (!known || statusCheckDue(known.checkedAt, now)) {
    try {
      known = { ...(await accountState(username)), checkedAt: now };
      remember(accounts, username, known);
    } catch (error) {
      // Cognito unreachable: do not sign everyone out; the next request checks again.
      console.warn(`Could not check account status (${errorName(error) || 'error'}).`);
      return known;
    }
  }
  if (known.status !== 'active') throw new SessionEndedError(`account ${known.status}`);
  return known;
}

/** The groups Cognito says now, not those of the token the session started with. */
function withGroups(token: SessionToken, state: AccountState | undefined): SessionToken {
  if (!state || sameGroups(state.groups, token.groups)) return token;
  return { ...token, groups: [...state.groups] };
}

function sameGroups(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((group) => b.includes(group));
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
  return sessionFromTokens(tokens, token.refreshToken, token.sid);
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
