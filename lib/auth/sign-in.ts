import 'server-only';
import { signInAllowed, signInFailed, signInSucceeded } from './attempt-limits';
import { passwordPolicy } from './cognito-admin';
import { passwordAuth, setNewPassword } from './cognito-sign-in';
import { errorName, signInErrorCode, type SignInErrorCode } from './messages';
import { passwordProblems } from './password-policy';
import { signInInput } from '../validation/account';
import { checkAccountInCognito } from './session-maintenance';
import { sessionFromTokens, type SessionToken } from './session-token';

/** A sign-in that cannot go on; its code is what the form shows (see messages.ts). */
export class SignInError extends Error {
  constructor(readonly code: SignInErrorCode) {
    super(code);
    this.name = 'SignInError';
  }
}

type HeaderReader = (name: string) => string | null | undefined;

/**
 * The Credentials provider's `authorize`: email and password through USER_PASSWORD_AUTH, then,
 * for an account an admin created, the NEW_PASSWORD_REQUIRED step on a second submission that
 * also carries `newPassword`. Tokens are verified before anything is read from them.
 */
export async function signInWithPassword(
  credentials: unknown,
  headers: HeaderReader,
): Promise<SessionToken> {
  const input = signInInput.safeParse(credentials);
  if (!input.success) throw new SignInError('wrong-credentials');
  const { email, password, newPassword } = input.data;
  if (!(await signInAllowed(email, headers))) throw new SignInError('too-many-attempts');

  let tokens;
  try {
    const result = await passwordAuth(email, password);
    if (result.kind === 'new-password-required') {
      if (!newPassword) throw new SignInError('new-password-required');
      if (passwordProblems(await passwordPolicy(), newPassword).length > 0)
        throw new SignInError('weak-password');
      tokens = await setNewPassword(result.username, result.session, newPassword);
    } else {
      tokens = result.tokens;
    }
  } catch (error) {
    if (error instanceof SignInError) throw error;
    if (newPassword && errorName(error) === 'InvalidPasswordException')
      throw new SignInError('weak-password');
    const code = signInErrorCode(errorName(error), error instanceof Error ? error.message : '');
    if (code === 'wrong-credentials') await signInFailed(email, headers);
    if (code === 'unavailable') console.error('Sign-in failed:', errorName(error) || error);
    throw new SignInError(code);
  }
  if (!tokens.refreshToken) throw new SignInError('unavailable');

  const session = await sessionFromTokens(tokens, tokens.refreshToken);
  // cognito-local signs disabled accounts in; real Cognito refuses them before this point.
  const account = await checkAccountInCognito(session);
  if (account.status !== 'active') throw new SignInError('disabled');
  await signInSucceeded(email);
  return session;
}
