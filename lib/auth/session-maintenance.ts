import 'server-only';
import { createHash } from 'node:crypto';
import { recordActiveAccount, recordClosedAccount } from '../admin/directory-records';
import { config } from '../config';
import { portalDeps } from '../portal/server-deps';
import { customerRecord } from '../store/customer-directory';
import { accountState, type AccountState } from './cognito-admin';
import { refreshAuth } from './cognito-sign-in';
import { errorName } from './messages';
import { processWide } from './process-wide';
import { sessionRevoked } from './session-revocation';
import { sessionFromTokens, type SessionToken } from './session-token';
import { accessTokenNeedsRefresh } from './session-timing';

/** Thrown when a session must end: next-auth then drops the cookie and the reader is signed out. */
export class SessionEndedError extends Error {
  constructor(reason: string) {
    super(`Session ended: ${reason}`);
    this.name = 'SessionEndedError';
  }
}

/**
 * Keeps a session's tokens fresh, its account checked and its groups current. Server
 * components cannot write the renewed cookie back, so renewals are also kept in this process:
 * one per refresh token and interval, not one per request.
 */
const refreshes = processWide('session.refreshes', () => new Map<string, Promise<SessionToken>>());
const maxEntries = 10_000;

export async function maintainSession(
  token: SessionToken,
  now = Date.now(),
): Promise<SessionToken> {
  if (await sessionRevoked(token.sid, now)) throw new SessionEndedError('signed out');
  const account = await accountNow(token, now);
  if (account && account.status !== 'active')
    throw new SessionEndedError(`account ${account.status}`);
  const current = withGroups(token, account);
  if (!accessTokenNeedsRefresh(current.accessTokenExpiresAt, now)) return current;
  const refreshed = await refreshOnce(current);
  // A session whose refresh failed for a passing reason keeps its identity until the next try.
  // The renewed ID token's groups do not count: a renewal begun before an admin's demotion
  // would otherwise hand the rights back.
  return refreshed ? withGroups(refreshed, account) : current;
}

/**
 * How old a live session's directory record may grow before Cognito is asked again: changes
 * made outside the portal (the Cognito console, the CLI) reach open sessions within this time
 * rather than at the next sync. The check refreshes the record for every server, so it costs
 * each active account two Cognito reads per interval, never one per request.
 */
export const accountRecheckMs = 5 * 60_000;
const rechecks = processWide('session.rechecks', () => new Map<string, Promise<AccountState>>());

/**
 * The account as the customer directory has it, read on every request (one strongly consistent
 * GetItem): an admin's disable, delete or role change counts from the next request on every
 * server. A record older than `accountRecheckMs`, or one that cannot answer (the account is
 * not recorded yet, or was before groups were kept), is checked in Cognito and rewritten; a
 * deleted account has none, and Cognito then says it is gone.
 */
async function accountNow(token: SessionToken, now: number): Promise<AccountState | undefined> {
  let recorded: AccountState | undefined;
  try {
    const record = await customerRecord(portalDeps(), token.sub);
    if (record?.groups) {
      recorded = {
        status: record.status === 'disabled' ? 'disabled' : 'active',
        groups: record.groups,
      };
      if (recorded.status === 'disabled' || now - record.recordedAt < accountRecheckMs)
        return recorded;
    }
  } catch (error) {
    console.warn(`Could not read the account's record (${errorName(error) || 'error'}).`);
  }
  try {
    return await recheckOnce(token);
  } catch (error) {
    // Cognito unreachable: do not sign everyone out; the record (if any) decides meanwhile.
    console.warn(`Could not check account status (${errorName(error) || 'error'}).`);
    return recorded;
  }
}

/** One Cognito check per account at a time in this process, however many requests wait. */
async function recheckOnce(token: SessionToken): Promise<AccountState> {
  const running = rechecks.get(token.sub);
  if (running) return running;
  const check = checkAccountInCognito(token).finally(() => rechecks.delete(token.sub));
  rechecks.set(token.sub, check);
  return check;
}

/**
 * The account as Cognito has it now (AdminGetUser, its groups), recorded in the customer
 * directory: at sign-in, and for a session whose record is due a check or cannot answer. A
 * disabled or deleted account is recorded so too, so every server ends its sessions at their
 * next request. cognito-local signs disabled users in, so the portal asks rather than relying
 * on Cognito.
 */
export async function checkAccountInCognito(
  session: Pick<SessionToken, 'sub' | 'username' | 'email'>,
): Promise<AccountState> {
  const state = await accountState(session.username);
  if (state.status === 'active') {
    await recordActiveAccount(portalDeps(), {
      sub: session.sub,
      username: session.username,
      email: session.email,
      groups: state.groups,
      adminGroup: config().adminGroup,
    });
  } else {
    await recordClosedAccount(portalDeps(), session.sub, state.status);
  }
  return state;
}

/** The groups the directory says now, not those of the token the session started with. */
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
