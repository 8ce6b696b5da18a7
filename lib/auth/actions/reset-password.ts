'use server';

import 'server-only';
import { redirect } from 'next/navigation';
import { serverAction } from '../../server-action/runner';
import { emailOnlyInput, resetPasswordInput } from '../../validation/account';
import { confirmForgotPassword, forgotPassword } from '../cognito-account';
import { formAttemptAllowed, tooManyAttempts } from '../form-attempts';
import { accountErrorMessage, errorName } from '../messages';
import { passwordRulesFailure } from '../password-check';

const throttled = new Set(['TooManyRequestsException', 'LimitExceededException']);
/** What Cognito says of an email with no account, or one that cannot reset: never shown. */
const unknownAccount = new Set([
  'UserNotFoundException',
  'InvalidParameterException',
  'NotAuthorizedException',
]);

/**
 * Sends a reset code. Unknown emails get the same answer as known ones (no user enumeration);
 * only throttling, which says nothing about the account, is reported.
 */
export const forgotPasswordAction = serverAction({
  caller: 'anyone',
  input: emailOnlyInput,
  keepValues: true,
  run: async (_, { email }) => {
    if (!(await formAttemptAllowed('code', email))) return tooManyAttempts('forgot-password');
    try {
      await forgotPassword(email);
    } catch (error) {
      const name = errorName(error);
      if (throttled.has(name)) return tooManyAttempts('forgot-password');
      if (!unknownAccount.has(name)) console.error('ForgotPassword failed:', name || error);
    }
    redirect(`/reset-password?email=${encodeURIComponent(email)}&sent=1`);
  },
});

/** Sets a new password with the emailed code, then offers to sign in with it. */
export const resetPasswordAction = serverAction({
  caller: 'anyone',
  input: resetPasswordInput,
  keepValues: true,
  run: async (_, { email, code, password }) => {
    const weak = await passwordRulesFailure(password, {
      field: 'password',
      message: 'Choose a password that meets every rule:',
    });
    if (weak) return weak;
    if (!(await formAttemptAllowed('code', email))) return tooManyAttempts('reset-password');
    try {
      await confirmForgotPassword(email, code, password);
    } catch (error) {
      const name = errorName(error);
      // An unknown email reads as a wrong code: nobody learns who has an account.
      const asCode = name === 'UserNotFoundException' ? 'CodeMismatchException' : name;
      return { status: 'error', message: accountErrorMessage('reset-password', asCode) };
    }
    redirect(`/sign-in?reset=1&email=${encodeURIComponent(email)}`);
  },
});
