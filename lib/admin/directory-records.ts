import { ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { recordAudit } from '../store/audit';
import {
  customerRecords,
  deleteCustomerRecord,
  putCustomerRecord,
  recordAccount,
  type CustomerRecord,
} from '../store/customer-directory';
import type { RecordDeps } from '../store/read-model-keys';
import { changedFields } from '../gateway/sync-diff';
import { listAdmins, listAllUsers, type CognitoDeps } from './cognito-users';
import { toDirectoryUser, type DirectoryUser } from './directory-user';

export type DirectoryDeps = CognitoDeps & RecordDeps;

const quoted = (value: string) => value.replace(/["\\]/g, '\\$&');

/** The account with this email as Cognito has it now (one ListUsers call). */
async function findUserByEmail(
  deps: CognitoDeps,
  email: string,
): Promise<DirectoryUser | undefined> {
  const page = await deps.cognito.send(
    new ListUsersCommand({
      UserPoolId: deps.userPoolId,
      Filter: `email = "${quoted(email)}"`,
      Limit: 1,
    }),
  );
  return (page.Users ?? []).map(toDirectoryUser).find((user) => user?.email === email);
}

export function toCustomerRecord(user: DirectoryUser, isAdmin: boolean, now: number) {
  return { ...user, isAdmin, recordedAt: now } satisfies CustomerRecord;
}

/**
 * Records an account that self sign-up just created or confirmed, so it shows in the admin
 * customers list at once. Returns what was recorded.
 */
export async function recordSignedUpAccount(
  deps: DirectoryDeps,
  email: string,
): Promise<CustomerRecord | undefined> {
  const user = await findUserByEmail(deps, email);
  return user && recordAccount(deps, user);
}

/**
 * A successful sign-in: the account as Cognito has just answered for it. Accounts made
 * elsewhere (the hosted UI, the Cognito console) show in the admin lists from their first
 * sign-in on; a failure is logged, never in the way of signing in.
 */
export async function recordSignedInAccount(
  deps: RecordDeps,
  account: { sub: string; username: string; email: string; isAdmin: boolean },
): Promise<void> {
  await recordAccount(deps, { ...account, status: 'active' }).catch((error: unknown) =>
    console.error('[auth] recording a signed-in account failed', error),
  );
}

/**
 * A self sign-up confirmed: the account is recorded as active and `account.created` is audited
 * (and so published). Confirmation already succeeded in Cognito, so a failure here is logged,
 * never shown: the sync records the account later.
 */
export async function recordConfirmedAccount(deps: DirectoryDeps, email: string): Promise<void> {
  try {
    const record = await recordSignedUpAccount(deps, email);
    if (!record) return;
    await recordAudit(deps, {
      actor: { sub: record.sub, email: record.email },
      customerSub: record.sub,
      action: 'account.created',
      details: { email: record.email },
    });
  } catch (error) {
    console.error('[auth] recording a confirmed account failed', error);
  }
}

export interface DirectoryRepair {
  sub: string;
  change: 'added' | 'updated' | 'removed';
  fields?: string;
}

/**
 * Brings the customer directory records in line with Cognito: ListUsers per 60 accounts and
 * ListUsersInGroup per 60 admins, compared with one Query of the records; only what differs is
 * written. Accounts made or changed outside the portal (the Cognito console, an import) are
 * repaired here. `initial`: there were no records yet (a new installation or an upgrade).
 */
export async function reconcileDirectory(
  deps: DirectoryDeps,
): Promise<{ repairs: DirectoryRepair[]; initial: boolean }> {
  // Records written after this instant (a sign-up, an admin change) are newer than the pages
  // about to be read: left as they are.
  const startedAt = deps.now();
  const [users, admins, recorded] = await Promise.all([
    listAllUsers(deps),
    listAdmins(deps),
    customerRecords(deps),
  ]);
  const adminSubs = new Set(admins.map((admin) => admin.sub));
  const before = new Map(recorded.map((record) => [record.sub, record]));
  const repairs: DirectoryRepair[] = [];
  for (const user of users) {
    const fresh = toCustomerRecord(user, adminSubs.has(user.sub), deps.now());
    const old = before.get(user.sub);
    const fields = changedFields(old, fresh);
    if (old && (fields.length === 0 || old.recordedAt >= startedAt)) continue;
    await putCustomerRecord(deps, fresh);
    repairs.push({ sub: user.sub, change: old ? 'updated' : 'added', fields: fields.join(', ') });
  }
  const present = new Set(users.map((user) => user.sub));
  for (const [sub, record] of before) {
    if (present.has(sub) || record.recordedAt >= startedAt) continue;
    await deleteCustomerRecord(deps, sub);
    repairs.push({ sub, change: 'removed' });
  }
  return { repairs, initial: recorded.length === 0 };
}
