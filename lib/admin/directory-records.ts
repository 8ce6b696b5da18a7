import { ListGroupsCommand, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { recordAudit } from '../store/audit';
import {
  customerRecords,
  deleteCustomerRecord,
  directoryReconciliation,
  markDirectoryReconciled,
  putCustomerRecord,
  recordAccount,
  updateCustomerRecord,
  type CustomerRecord,
} from '../store/customer-directory';
import type { RecordDeps } from '../store/read-model-keys';
import { changedFields } from '../gateway/sync-diff';
import { groupMembers, groupsOf, listAllUsers, type CognitoDeps } from './cognito-users';
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

/**
 * Every account's groups (the admin group, audiences) by sub, for the whole pool: one
 * ListGroups call per 60 groups, then one call per 60 members of each, never one per account.
 */
async function groupsBySub(deps: CognitoDeps): Promise<Map<string, string[]>> {
  const names: string[] = [];
  let token: string | undefined;
  do {
    const page = await deps.cognito.send(
      new ListGroupsCommand({ UserPoolId: deps.userPoolId, Limit: 60, NextToken: token }),
    );
    for (const group of page.Groups ?? []) if (group.GroupName) names.push(group.GroupName);
    token = page.NextToken || undefined;
  } while (token);
  const groups = new Map<string, string[]>();
  for (const name of names.sort()) {
    for (const member of await groupMembers(deps, name)) {
      groups.set(member.sub, [...(groups.get(member.sub) ?? []), name]);
    }
  }
  return groups;
}

export function toCustomerRecord(
  user: DirectoryUser,
  groups: string[],
  adminGroup: string,
  now: number,
) {
  const sorted = [...groups].sort();
  return {
    ...user,
    isAdmin: sorted.includes(adminGroup),
    groups: sorted,
    recordedAt: now,
  } satisfies CustomerRecord;
}

/**
 * After a change to an account's groups made here (a role, an audience): its groups as Cognito
 * now has them, so open sessions follow from their next request.
 */
export async function recordGroups(
  deps: DirectoryDeps,
  user: Pick<DirectoryUser, 'sub' | 'username'>,
): Promise<void> {
  const groups = (await groupsOf(deps, user.username)).sort();
  await updateCustomerRecord(deps, user.sub, {
    groups,
    isAdmin: groups.includes(deps.adminGroup),
  });
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
  // No one has put a new self sign-up in a group yet.
  return user && recordAccount(deps, { ...user, groups: [] });
}

/**
 * An account Cognito has just answered for as active, with its groups: at sign-in, or for a
 * session whose record could not answer. Accounts made elsewhere (the hosted UI, the Cognito
 * console) show in the admin lists from their first sign-in on; a failure is logged, never in
 * the way of signing in.
 */
export async function recordActiveAccount(
  deps: RecordDeps,
  account: { sub: string; username: string; email: string; groups: string[]; adminGroup: string },
): Promise<void> {
  const { adminGroup, groups, ...identity } = account;
  const sorted = [...groups].sort();
  await recordAccount(deps, {
    ...identity,
    status: 'active',
    groups: sorted,
    isAdmin: sorted.includes(adminGroup),
  }).catch((error: unknown) => console.error('[auth] recording an active account failed', error));
}

/**
 * An account Cognito has just answered for as disabled or gone, for a session checking it: the
 * record follows, so every server ends the account's sessions at their next request. A failure
 * is logged: the session at hand ends anyway, and the next sync records the change.
 */
export async function recordClosedAccount(
  deps: RecordDeps,
  sub: string,
  status: 'disabled' | 'gone',
): Promise<void> {
  await (
    status === 'gone'
      ? deleteCustomerRecord(deps, sub)
      : updateCustomerRecord(deps, sub, { status: 'disabled' })
  ).catch((error: unknown) => console.error('[auth] recording a closed account failed', error));
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
 * the members of every group (see groupsBySub), compared with one Query of the records; only
 * what differs is written. Accounts made or changed outside the portal (the Cognito console, an
 * import) are repaired here. `initial`: the first reconciliation (a new installation or an
 * upgrade). Last, the directory is marked reconciled: from then on an account without a record
 * is one that no longer exists.
 */
export async function reconcileDirectory(
  deps: DirectoryDeps,
): Promise<{ repairs: DirectoryRepair[]; initial: boolean }> {
  // Records written after this instant (a sign-up, an admin change) are newer than the pages
  // about to be read: left as they are.
  const startedAt = deps.now();
  const [users, groups, recorded, previous] = await Promise.all([
    listAllUsers(deps),
    groupsBySub(deps),
    customerRecords(deps),
    directoryReconciliation(deps),
  ]);
  const before = new Map(recorded.map((record) => [record.sub, record]));
  const repairs: DirectoryRepair[] = [];
  for (const user of users) {
    const fresh = toCustomerRecord(user, groups.get(user.sub) ?? [], deps.adminGroup, deps.now());
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
  await markDirectoryReconciled(deps, { reconciledAt: deps.now(), accounts: users.length });
  // Sign-ins since an upgrade leave records before the first reconciliation: still the first.
  return { repairs, initial: !previous };
}
