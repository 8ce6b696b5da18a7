'use server';

import 'server-only';
import { redirect } from 'next/navigation';
import { allowAttempt } from '../attempt-limits';
import { accountErrorMessage } from '../messages';
import { passwordRulesFailure } from '../password-check';
import { register } from '../registration';
import { formValues, invalidInput, publicValues, signUpInput } from '../schemas';
import { requestHeaders } from './request-headers';
import type { ActionResult } from '../../server-action/result';

/**
 * Creates an unconfirmed account and sends its confirmation code by email; for an email that
 * has an account already, the same next step (see registration.ts).
 */
export async function signUpAction(_state: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formValues(form);
  const input = signUpInput.safeParse(values);
  if (!input.success) return invalidInput(input.error, values);
  const { email, password } = input.data;
  const kept = publicValues(values);

  const weak = await passwordRulesFailure(password, {
    field: 'password',
    message: 'Choose a password that meets every rule:',
    values: kept,
  });
  if (weak) return weak;
  if (!(await allowAttempt('signUp', email, await requestHeaders())))
    return {
      status: 'error',
      message: accountErrorMessage('sign-up', 'TooManyRequestsException'),
      values: kept,
    };

  const outcome = await register(email, password);
  if (!outcome.ok) return { status: 'error', message: outcome.message, values: kept };
  redirect(`/confirm?email=${encodeURIComponent(email)}&sent=1`);
}
