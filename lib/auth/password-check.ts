import 'server-only';
import { passwordPolicy } from './cognito-admin';
import { passwordProblems } from './password-policy';
import type { ActionFailure } from '../server-action/result';

/**
 * The form's answer when a new password breaks the pool's rules (listed one by one), or
 * undefined when it keeps them. The portal checks this itself: cognito-local does not.
 */
export async function passwordRulesFailure(
  password: string,
  options: { field: string; message: string },
): Promise<ActionFailure | undefined> {
  const problems = passwordProblems(await passwordPolicy(), password);
  if (problems.length === 0) return undefined;
  return {
    status: 'error',
    message: options.message,
    problems,
    fieldErrors: { [options.field]: ['This password does not meet the rules.'] },
  };
}
