import type { AccountDeps } from '../portal/account-state';
import type { PortalDeps } from '../portal/deps';

/**
 * The admin console's use cases need Cognito besides the portal's clients. Built from the
 * configuration in ./server-deps, from the local stack's clients in integration tests.
 */
export interface AdminDeps extends PortalDeps, AccountDeps {
  adminGroup: string;
}
