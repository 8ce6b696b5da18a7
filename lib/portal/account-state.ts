import {
  AdminGetUserCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { PortalError } from './errors';

/** Cognito, for the use cases that must know whether an account may hold a working key. */
export interface AccountDeps {
  cognito: CognitoIdentityProviderClient;
  userPoolId: string;
}

export type AccountState = 'enabled' | 'disabled' | 'deleted';

/**
 * The account's state in Cognito at this moment (AdminGetUser by `sub`, which Cognito accepts
 * as a username). Sessions are re-checked only every few minutes and cognito-local signs
 * disabled users in, so every step that grants access asks here, under the customer's lock.
 */
export async function accountState(deps: AccountDeps, sub: string): Promise<AccountState> {
  try {
    const user = await deps.cognito.send(
      new AdminGetUserCommand({ UserPoolId: deps.userPoolId, Username: sub }),
    );
    return user.Enabled === false ? 'disabled' : 'enabled';
  } catch (error) {
    if (error instanceof Error && error.name === 'UserNotFoundException') return 'deleted';
    throw error;
  }
}

/** Refuses, with a message the person can act on, unless the account is enabled. */
export async function requireEnabledAccount(
  deps: AccountDeps,
  sub: string,
  refusal: { disabled: string; deleted: string } = {
    disabled: 'This account was disabled by an administrator, so it cannot hold a working key.',
    deleted: 'This account was deleted, so it cannot hold a working key.',
  },
): Promise<void> {
  const state = await accountState(deps, sub);
  if (state !== 'enabled') throw new PortalError(refusal[state], 'forbidden');
}
