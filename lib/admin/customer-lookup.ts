import type { Customer } from '../gateway/customer-keys';
import { PortalError } from '../portal/errors';
import { customerRecord, recordAccount, type CustomerRecord } from '../store/customer-directory';
import { findUserBySub } from './cognito-users';
import type { AdminDeps } from './deps';
import type { DirectoryUser } from './directory-user';

export const asDirectoryUser = ({ sub, username, email, status, createdAt }: CustomerRecord) =>
  ({ sub, username, email, status, createdAt }) satisfies DirectoryUser;

/**
 * The customer an admin acts on, by their `sub` (never from the form), from the customer
 * directory. An account it does not hold yet (made elsewhere and not synced) is looked up in
 * Cognito once and recorded; one Cognito does not know either does not exist.
 */
export async function requireCustomer(deps: AdminDeps, sub: string): Promise<DirectoryUser> {
  const record = await customerRecord(deps, sub);
  if (record) return asDirectoryUser(record);
  const user = await findUserBySub(deps, sub);
  if (!user) throw new PortalError('That customer does not exist (any more).', 'not-found');
  await recordAccount(deps, user);
  return user;
}

export const asCustomer = (user: DirectoryUser): Customer => ({ sub: user.sub, email: user.email });
