'use server';

import 'server-only';
import { redirect } from 'next/navigation';
import { allowAttempt } from '../attempt-limits';
import { resendConfirmationCode } from '../cognito-account';
import { accountErrorMessage, errorName } from '../messages';
import { confirmInput, emailOnlyInput, formValues, invalidInput, publicValues } from '../schemas';
import { confirmRegistration } from '../registration';
import { requestHeaders } from './request-headers';
import type { ActionResult } from '../../server-action/result';

const tooMany = (step: 'confirm' | 'resend'): ActionResult => ({
  status: 'error',
  message: accountErrorMessage(step, 'TooManyRequestsException'),
});

/** Confirms a new account with the emailed code, then offers to sign in. */
export async function confirmAction(_state: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formValues(form);
  const input = confirmInput.safeParse(values);
  if (!input.success) return invalidInput(input.error, values);
  const { email, code } = input.data;
  if (!(await allowAttempt('code', email, await requestHeaders()))) return tooMany('confirm');
  const outcome = await confirmRegistration(email, code);
  if (!outcome.ok)
    return { status: 'error', message: outcome.message, values: publicValues(values) };
  redirect(`/sign-in?confirmed=1&email=${encodeURIComponent(email)}`);
}

/** Sends a new confirmation code; the answer is the same whether or not the email has an account. */
export async function resendCodeAction(
  _state: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  const input = emailOnlyInput.safeParse(formValues(form));
  if (!input.success) return invalidInput(input.error);
  const { email } = input.data;
  if (!(await allowAttempt('code', email, await requestHeaders()))) return tooMany('resend');
  try {
    await resendConfirmationCode(email);
  } catch (error) {
    const name = errorName(error);
    // No account, or one confirmed already: the same answer as a code sent.
    if (!['UserNotFoundException', 'InvalidParameterException'].includes(name))
      return { status: 'error', message: accountErrorMessage('resend', name) };
  }
  return {
    status: 'success',
    message: `If ${email} has an unconfirmed account, a new code is on its way.`,
  };
}
