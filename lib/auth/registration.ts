import 'server-only';
import { confirmSignUp, forgotPassword, resendConfirmationCode, signUp } from './cognito-account';
import { accountErrorMessage, errorName } from './messages';

/**
 * Sign-up and confirmation answer the same way whether or not an email already has an account,
 * as Cognito's "prevent user existence errors" does for sign-in: nobody learns who has an
 * account by trying emails. The owner of an existing account hears about it by mail instead.
 */
export type RegistrationOutcome = { ok: true } | { ok: false; message: string };

const existing = new Set(['UsernameExistsException', 'AliasExistsException']);

export async function register(email: string, password: string): Promise<RegistrationOutcome> {
  try {
    await signUp(email, password);
  } catch (error) {
    const name = errorName(error);
    if (!existing.has(name)) return { ok: false, message: accountErrorMessage('sign-up', name) };
    await tellExistingOwner(email);
  }
  return { ok: true };
}

/**
 * The owner of the email gets what helps them if it was them: a new confirmation code for an
 * account that is not confirmed yet, otherwise a password-reset code (Cognito's own emails).
 */
async function tellExistingOwner(email: string): Promise<void> {
  try {
    await resendConfirmationCode(email);
    return;
  } catch (error) {
    // Confirmed already (InvalidParameter), or cognito-local, which cannot resend (Unsupported).
    if (!['InvalidParameterException', 'Unsupported'].includes(errorName(error))) {
      console.warn(`Could not resend a confirmation code (${errorName(error) || 'error'}).`);
      return;
    }
  }
  await forgotPassword(email).catch((error: unknown) =>
    console.warn(`Could not send a reset code (${errorName(error) || 'error'}).`),
  );
}

/** Whatever is wrong with a confirmation (the code, the email, an account confirmed already). */
const confirmRefused = new Set([
  'CodeMismatchException',
  'ExpiredCodeException',
  'NotAuthorizedException',
  'UserNotFoundException',
  'AliasExistsException',
]);

export const confirmRefusedMessage =
  'That code does not confirm an account for this email. Check the latest email we sent, or ask for a new code below.';

export async function confirmRegistration(
  email: string,
  code: string,
): Promise<RegistrationOutcome> {
  try {
    await confirmSignUp(email, code);
    return { ok: true };
  } catch (error) {
    const name = errorName(error);
    if (confirmRefused.has(name)) return { ok: false, message: confirmRefusedMessage };
    return { ok: false, message: accountErrorMessage('confirm', name) };
  }
}
