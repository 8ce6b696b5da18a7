'use server';

import 'server-only';
import { CustomerBusyError } from '../../store/customer-lock';
import { deleteCustomerRecord } from '../../store/customer-directory';
import { portalDeps } from '../../portal/server-deps';
import { retireCustomerKeys } from '../../portal/keys';
import { withdrawOpenRequest } from '../../portal/upgrade-requests';
import { serverAction } from '../../server-action/runner';
import { changePasswordInput, deleteAccountInput } from '../../validation/account';
import { changePassword, deleteOwnAccount } from '../cognito-account';
import { accountErrorMessage, errorName } from '../messages';
import { passwordRulesFailure } from '../password-check';

const returnTo = '/account';

export const changePasswordAction = serverAction({
  caller: 'user',
  returnTo,
  input: changePasswordInput,
  run: async (user, { currentPassword, newPassword }) => {
    const weak = await passwordRulesFailure(newPassword, {
      field: 'newPassword',
      message: 'Choose a new password that meets every rule:',
    });
    if (weak) return weak;
    try {
      await changePassword(user.accessToken, currentPassword, newPassword);
    } catch (error) {
      const name = errorName(error);
      // cognito-local answers a wrong current password with InvalidPasswordException; the new
      // one already passed the policy above, so that can only mean the current one is wrong.
      const asName = name === 'InvalidPasswordException' ? 'NotAuthorizedException' : name;
      return {
        status: 'error',
        message: accountErrorMessage('change-password', asName),
        ...(asName === 'NotAuthorizedException'
          ? { fieldErrors: { currentPassword: ['This is not your current password.'] } }
          : {}),
      };
    }
    return 'Your password was changed.';
  },
});

/**
 * Deletes the signed-in account after it typed its own email. The API keys go first (out of
 * every usage plan, then disabled), so a failure there leaves an account that can try again
 * rather than a deleted account whose key still works.
 */
export const deleteAccountAction = serverAction({
  caller: 'user',
  returnTo,
  input: deleteAccountInput,
  run: async (user, { confirmEmail }) => {
    if (confirmEmail !== user.email.toLowerCase())
      return {
        status: 'error',
        message: 'The email does not match this account.',
        fieldErrors: { confirmEmail: [`Type ${user.email} to confirm.`] },
      };
    try {
      const customer = { sub: user.sub, email: user.email };
      // Under the customer's lock, so no subscription can slip in between keys and account.
      await retireCustomerKeys(portalDeps(), customer, undefined, {
        after: async () => {
          await withdrawOpenRequest(portalDeps(), customer);
          await deleteOwnAccount(user.accessToken);
          await deleteCustomerRecord(portalDeps(), user.sub);
        },
      });
    } catch (error) {
      if (error instanceof CustomerBusyError) throw error;
      console.error('Deleting an account failed:', errorName(error) || error);
      return { status: 'error', message: accountErrorMessage('delete-account', errorName(error)) };
    }
    return 'Your account was deleted.';
  },
});
