import 'server-only';
import { headers } from 'next/headers';
import type { ActionFailure } from '../server-action/result';
import { allowAttempt, type AttemptKind } from './attempt-limits';
import { accountErrorMessage, type AccountStep } from './messages';

/**
 * Counts a signed-out form's attempt against its email and the caller's address: the portal's
 * own limit in front of Cognito's (see attempt-limits.ts). False once either is used up.
 */
export async function formAttemptAllowed(kind: AttemptKind, email: string): Promise<boolean> {
  const current = await headers();
  return allowAttempt(kind, email, (name) => current.get(name));
}

/** The answer to a form tried too often; it says nothing about whether the email has an account. */
export const tooManyAttempts = (step: AccountStep): ActionFailure => ({
  status: 'error',
  message: accountErrorMessage(step, 'TooManyRequestsException'),
});
