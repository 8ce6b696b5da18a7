'use server';

import 'server-only';
import { redirect } from 'next/navigation';
import { recordSignedUpAccount } from '../../admin/directory-records';
import { adminDeps } from '../../admin/server-deps';
import { serverAction } from '../../server-action/runner';
import { signUpInput } from '../../validation/account';
import { formAttemptAllowed, tooManyAttempts } from '../form-attempts';
import { passwordRulesFailure } from '../password-check';
import { register } from '../registration';

/**
 * Creates an unconfirmed account and sends its confirmation code by email; for an email that
 * has an account already, the same next step (see registration.ts).
 */
export const signUpAction = serverAction({
  caller: 'anyone',
  input: signUpInput,
  keepValues: true,
  run: async (_, { email, password }) => {
    const weak = await passwordRulesFailure(password, {
      field: 'password',
      message: 'Choose a password that meets every rule:',
    });
    if (weak) return weak;
    if (!(await formAttemptAllowed('signUp', email))) return tooManyAttempts('sign-up');
    const outcome = await register(email, password);
    if (!outcome.ok) return { status: 'error', message: outcome.message };
    // The unconfirmed account shows in the admin customers list at once (the sync would too).
    await recordSignedUpAccount(adminDeps(), email).catch((error: unknown) =>
      console.error('[auth] recording a new account failed', error),
    );
    redirect(`/confirm?email=${encodeURIComponent(email)}&sent=1`);
  },
});
