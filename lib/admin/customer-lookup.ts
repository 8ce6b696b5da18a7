import type { Customer } from '../gateway/customer-keys';
import { PortalError } from '../portal/errors';
import { findUserBySub } from './cognito-users';
import type { AdminDeps } from './deps';
import type { DirectoryUser } from './directory-user';

/** The customer an admin acts on, read from Cognito (never from the form) by their `sub`. */
export async function requireCustomer(deps: AdminDeps, sub: string): Promise<DirectoryUser> {
  const user = await findUserBySub(deps, sub);
  if (!user) throw new PortalError('That customer does not exist (any more).', 'not-found');
  return user;
}

export const asCustomer = (user: DirectoryUser): Customer => ({ sub: user.sub, email: user.email });
