/**
 * Sentences a person understands, for what Cognito answers. Client-safe: the sign-in form
 * turns next-auth's error code into text in the browser.
 */

/** What can go wrong signing in; the Credentials provider throws these as its error. */
export const signInErrorCodes = [
  'wrong-credentials',
  'not-confirmed',
  'new-password-required',
  'password-reset-required',
  'weak-password',
  'disabled',
  'too-many-attempts',
  'unavailable',
] as const;

export type SignInErrorCode = (typeof signInErrorCodes)[number];

const signInMessages: Record<SignInErrorCode, string> = {
  'wrong-credentials': 'Email or password is wrong.',
  'not-confirmed': 'This account is not confirmed yet: enter the code we emailed you.',
  'new-password-required': 'Choose a new password to finish signing in.',
  'password-reset-required': 'You need to reset your password before you can sign in.',
  'weak-password': 'That new password does not meet the rules listed below.',
  disabled: 'This account is disabled. Contact the portal’s administrators.',
  'too-many-attempts': 'Too many attempts. Wait a few minutes, then try again.',
  unavailable: 'Signing in is not possible right now. Try again in a moment.',
};

export function signInErrorMessage(code: string | null | undefined): string {
  if (!code) return signInMessages.unavailable;
  const known = (signInErrorCodes as readonly string[]).includes(code);
  return known ? signInMessages[code as SignInErrorCode] : signInMessages['wrong-credentials'];
}

/**
 * The sign-in error for a Cognito exception. A wrong password and an unknown email read the
 * same (no user enumeration); cognito-local reports a wrong password as InvalidPassword.
 */
export function signInErrorCode(name: string, message = ''): SignInErrorCode {
  switch (name) {
    case 'NotAuthorizedException':
      if (/disabled/i.test(message)) return 'disabled';
      if (/attempts exceeded/i.test(message)) return 'too-many-attempts';
      return 'wrong-credentials';
    case 'InvalidPasswordException':
    case 'UserNotFoundException':
      return 'wrong-credentials';
    case 'UserNotConfirmedException':
      return 'not-confirmed';
    case 'PasswordResetRequiredException':
      return 'password-reset-required';
    case 'TooManyRequestsException':
    case 'LimitExceededException':
    case 'TooManyFailedAttemptsException':
      return 'too-many-attempts';
    default:
      return 'unavailable';
  }
}

/** The forms other than sign-in; each words a few answers its own way. */
export type AccountStep =
  | 'sign-up'
  | 'confirm'
  | 'resend'
  | 'forgot-password'
  | 'reset-password'
  | 'change-password'
  | 'delete-account';

const tryAgain = 'Something went wrong on our side. Try again in a moment.';

export function accountErrorMessage(step: AccountStep, name: string): string {
  switch (name) {
    case 'InvalidPasswordException':
      return step === 'change-password'
        ? 'Your current password is wrong, or the new one does not meet the rules listed.'
        : 'That password does not meet the rules listed.';
    case 'NotAuthorizedException':
      if (step === 'change-password') return 'Your current password is wrong.';
      return 'You are not allowed to do that. Sign in again and retry.';
    case 'CodeMismatchException':
      return 'That code is not right. Check the latest email we sent and try again.';
    case 'ExpiredCodeException':
      return step === 'confirm'
        ? 'That code has expired. Ask for a new one below.'
        : 'That code has expired. Ask for a new one.';
    case 'InvalidParameterException':
      return 'Some of what you entered is not valid. Check it and try again.';
    case 'CodeDeliveryFailureException':
      return 'We could not send the code by email. Check the address and try again.';
    case 'TooManyRequestsException':
    case 'LimitExceededException':
    case 'TooManyFailedAttemptsException':
      return 'Too many attempts. Wait a few minutes, then try again.';
    case 'Unsupported':
      return step === 'resend'
        ? 'The local stack cannot send a new code: the code from your sign-up, printed in the terminal running `npm run dev`, still works.'
        : tryAgain;
    default:
      return tryAgain;
  }
}

/** The name of an AWS SDK error (its exception type), or '' for anything else. */
export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}
