import 'server-only';
import { dynamoClient } from '../aws';
import { config } from '../config';
import { isSessionRevoked, recordRevokedSession } from '../store/session-revocations';
import { errorName } from './messages';
import { processWide } from './process-wide';

/**
 * Sign-out ends a session on the server: its id is recorded as revoked in the portal's table,
 * and every request checks that record, so a copy of the cookie replayed afterwards (on any
 * server instance) is refused. Answers are cached briefly: a revocation made on another
 * instance reaches this one within `notRevokedTtlMs`; one made here applies at once.
 */
const notRevokedTtlMs = 10_000;
/** next-auth's cookie lifetime (options.ts): no copy of a cookie outlives its record. */
const keepRecordMs = 31 * 24 * 60 * 60_000;
const maxEntries = 10_000;

const answers = processWide(
  'session.revocations',
  () => new Map<string, { revoked: boolean; checkedAt: number }>(),
);

function deps() {
  return { dynamo: dynamoClient(), tableName: config().tableName, now: Date.now };
}

export async function revokeSession(sessionId: string, now = Date.now()): Promise<void> {
  remember(sessionId, { revoked: true, checkedAt: now });
  await recordRevokedSession(deps(), sessionId, now + keepRecordMs);
}

export async function sessionRevoked(sessionId: string, now = Date.now()): Promise<boolean> {
  const known = answers.get(sessionId);
  if (known && (known.revoked || now - known.checkedAt < notRevokedTtlMs)) return known.revoked;
  try {
    const revoked = await isSessionRevoked(deps(), sessionId);
    remember(sessionId, { revoked, checkedAt: now });
    return revoked;
  } catch (error) {
    // The table unreachable: keep the last answer rather than sign everyone out. The session's
    // refresh token was revoked at Cognito too, so it ends when its access token expires.
    console.warn(`Could not check a session's revocation (${errorName(error) || 'error'}).`);
    return known?.revoked ?? false;
  }
}

function remember(sessionId: string, answer: { revoked: boolean; checkedAt: number }): void {
  answers.delete(sessionId);
  answers.set(sessionId, answer);
  while (answers.size > maxEntries) {
    const oldest = answers.keys().next().value;
    if (oldest === undefined) break;
    answers.delete(oldest);
  }
}
