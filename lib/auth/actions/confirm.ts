'use server';

import 'server-only';
import { redirect } from 'next/navigation';
import { recordConfirmedAccount } from '../../admin/directory-records';
import { adminDeps } from '../../admin/server-deps';
import { serverAction } from '../../server-action/runner';
import { confirmInput, emailOnlyInput } from '../../validation/account';
import { resendConfirmationCode } from '../cognito-account';
import { formAttemptAllowed, tooManyAttempts } from '../form-attempts';
import { accountErrorMessage, errorName } from '../messages';
import { confirmRegistration } from '../registration';

/** Confirms a new account with the emailed code, then offers to sign in. */
export const confirmAction = serverAction({
  caller: 'anyone',
  input: confirmInput,
  keepValues: true,
  run: async (_, { email, code }) => {
    if (!(await formAttemptAllowed('code', email))) return tooManyAttempts('confirm');
    const outcome = await confirmRegistration(email, code);
    if (!outcome.ok) return { status: 'error', message: outcome.message };
    await recordConfirmedAccount(adminDeps(), email);
    redirect(`/sign-in?confirmed=1&email=${encodeURIComponent(email)}`);
  },
});

/** Sends a new confirmation code; the answer is the same whether or not the email has an account. */
export const resendCodeAction = serverAction({
  caller: 'anyone',
  input: emailOnlyInput,
  run: async (_, { email }) => {
    if (!(await formAttemptAllowed('code', email))) return tooManyAttempts('resend');
    try {
      await resendConfirmationCode(email);
    } catch (error) {
      const name = errorName(error);
      // No account, or one confirmed already: the same answer as a code sent.
      if (!['UserNotFoundException', 'InvalidParameterException'].includes(name))
        return { status: 'error', message: accountErrorMessage('resend', name) };
    }
    return `If ${email} has an unconfirmed account, a new code is on its way.`;
  },
});
