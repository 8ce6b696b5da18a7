import {
  AdminAddUserToGroupCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminRemoveUserFromGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { retireCustomerKeys } from '../portal/keys';
import { withdrawOpenRequest } from '../portal/upgrade-requests';
import type { Customer } from '../gateway/customer-keys';
import { PortalError } from '../portal/errors';
import { recordAudit } from '../store/audit';
import { deleteCustomerRecord, updateCustomerRecord } from '../store/customer-directory';
import { withCustomerLock } from '../store/customer-lock';
import { adminChangeRefusal, type AdminChange } from './admin-rules';
import { findUserBySub, listAdmins } from './cognito-users';
import { asCustomer, requireCustomer } from './customer-lookup';
import type { AdminDeps } from './deps';
import { recordGroups } from './directory-records';
import type { DirectoryUser } from './directory-user';

/**
 * Changes that can remove an admin run one at a time across all servers (a lease in DynamoDB,
 * as for a customer's subscriptions), so two admins demoting each other cannot both win and
 * leave the portal with none.
 */
const adminGroupLock = 'admin-group';

async function guardAdminChange<T>(
  deps: AdminDeps,
  admin: Customer,
  change: AdminChange,
  target: DirectoryUser,
  apply: () => Promise<T>,
): Promise<T> {
  return withCustomerLock(deps, adminGroupLock, async () => {
    const enabledAdmins = (await listAdmins(deps))
      .filter((user) => user.status !== 'disabled')
      .map((user) => user.sub);
    const refusal = adminChangeRefusal(change, admin.sub, target.sub, enabledAdmins);
    if (refusal) throw new PortalError(refusal, 'forbidden');
    return apply();
  });
}

export async function setAdminRole(
  deps: AdminDeps,
  admin: Customer,
  sub: string,
  makeAdmin: boolean,
): Promise<void> {
  const target = await requireCustomer(deps, sub);
  const group = {
    UserPoolId: deps.userPoolId,
    Username: target.username,
    GroupName: deps.adminGroup,
  };
  if (makeAdmin) {
    await deps.cognito.send(new AdminAddUserToGroupCommand(group));
  } else {
    await guardAdminChange(deps, admin, 'demote', target, () =>
      deps.cognito.send(new AdminRemoveUserFromGroupCommand(group)),
    );
  }
  // Open sessions read their groups from the record: on every server from their next request.
  await recordGroups(deps, target);
  await recordAudit(deps, {
    actor: admin,
    customerSub: sub,
    action: makeAdmin ? 'admin.promoted' : 'admin.demoted',
    details: { email: target.email },
  });
}

/**
 * Disables (or deletes) an account. Under the customer's lock: the account is disabled in
 * Cognito first, so from then on no step that grants access passes for it, and its record at
 * once, so every session of it ends at its next request on any server; then every key is
 * disabled, marked with the reason and taken out of its plans; a deletion deletes the account
 * last. Its open upgrade request is withdrawn. A failure part-way leaves a disabled account
 * that the same action finishes when tried again.
 */
export async function closeAccount(
  deps: AdminDeps,
  admin: Customer,
  sub: string,
  change: 'disable' | 'delete',
  reason: string,
): Promise<void> {
  const target = await requireCustomer(deps, sub);
  const customer = asCustomer(target);
  const closed = change === 'delete' ? 'account deleted' : 'account disabled';
  const user = { UserPoolId: deps.userPoolId, Username: target.username };
  await guardAdminChange(deps, admin, change, target, () =>
    retireCustomerKeys(
      deps,
      customer,
      { actor: admin, reason: `${closed} by an administrator: ${reason}` },
      {
        before: async () => {
          await deps.cognito.send(new AdminDisableUserCommand(user));
          await updateCustomerRecord(deps, sub, { status: 'disabled' });
        },
        ...(change === 'delete'
          ? {
              after: async () => {
                await deps.cognito.send(new AdminDeleteUserCommand(user));
                await deleteCustomerRecord(deps, sub);
              },
            }
          : {}),
      },
    ),
  );
  await withdrawOpenRequest(deps, customer, admin, closed);
  await recordAudit(deps, {
    actor: admin,
    customerSub: sub,
    action: change === 'delete' ? 'account.deleted' : 'account.disabled',
    details: { email: target.email, reason },
  });
}

/**
 * Lets the person sign in again. Their keys stay disabled, marked with why, until an admin
 * enables one: enabling the account never silently gives back a working key.
 */
export async function enableAccount(deps: AdminDeps, admin: Customer, sub: string): Promise<void> {
  const target = await requireCustomer(deps, sub);
  await deps.cognito.send(
    new AdminEnableUserCommand({ UserPoolId: deps.userPoolId, Username: target.username }),
  );
  // Enabled is not always active: an invitation never accepted is still one.
  const enabled = await findUserBySub(deps, sub);
  if (enabled) await updateCustomerRecord(deps, sub, { status: enabled.status });
  await recordAudit(deps, {
    actor: admin,
    customerSub: sub,
    action: 'account.enabled',
    details: { email: target.email },
  });
}
