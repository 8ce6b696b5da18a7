'use server';

import 'server-only';
import { redirect } from 'next/navigation';
import { allowAttempt } from '../attempt-limits';
import { confirmForgotPassword, forgotPassword } from '../cognito-account';
import { accountErrorMessage, errorName } from '../messages';
import { passwordRulesFailure } from '../password-check';
import {
  emailOnlyInput,
  formValues,
  invalidInput,
  publicValues,
  resetPasswordInput,
} from '../schemas';
import { requestHeaders } from './request-headers';
import type { ActionResult } from '../../server-action/result';

const throttled = new Set(['TooManyRequestsException', 'LimitExceededException']);

/**
 * Sends a reset code. Unknown emails get the same answer as known ones (no user enumeration);
 * only throttling, which says nothing about the account, is reported.
 */
export async function forgotPasswordAction(
  _state: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  const values = formValues(form);
  const input = emailOnlyInput.safeParse(values);
  if (!input.success) return invalidInput(input.error, values);
  const { email } = input.data;
  const tooMany: ActionResult = {
    status: 'error',
    message: accountErrorMessage('forgot-password', 'TooManyRequestsException'),
    values: publicValues(values),
  };
  if (!(await allowAttempt('code', email, await requestHeaders()))) return tooMany;
  try {
    await forgotPassword(email);
  } catch (error) {
    const name = errorName(error);
    if (throttled.has(name)) return tooMany;
    if (
      !['UserNotFoundException', 'InvalidParameterException', 'NotAuthorizedException'].includes(
        name,
      )
    )
      console.error('ForgotPassword failed:', name || error);
  }
  redirect(`/reset-password?email=${encodeURIComponent(email)}&sent=1`);
}

/** Sets a new password with the emailed code, then offers to sign in with it. */
export async function resetPasswordAction(
  _state: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  const values = formValues(form);
  const input = resetPasswordInput.safeParse(values);
  if (!input.success) return invalidInput(input.error, values);
  const { email, code, password } = input.data;
  const kept = publicValues(values);
  const weak = await passwordRulesFailure(password, {
    field: 'password',
    message: 'Choose a password that meets every rule:',
    values: kept,
  });
  if (weak) return weak;
  if (!(await allowAttempt('code', email, await requestHeaders())))
    return {
      status: 'error',
      message: accountErrorMessage('reset-password', 'TooManyRequestsException'),
      values: kept,
    };
  try {
    await confirmForgotPassword(email, code, password);
  } catch (error) {
    const name = errorName(error);
    const asCode = name === 'UserNotFoundException' ? 'CodeMismatchException' : name;
    return {
      status: 'error',
      message: accountErrorMessage('reset-password', asCode),
      values: kept,
    };
  }
  redirect(`/sign-in?reset=1&email=${encodeURIComponent(email)}`);
}
