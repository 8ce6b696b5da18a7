import { describe, expect, it } from 'vitest';
import { accountErrorMessage, errorName, signInErrorCode, signInErrorMessage } from './messages';

describe('signInErrorCode', () => {
  it('reads a wrong password and an unknown email the same way', () => {
    expect(signInErrorCode('NotAuthorizedException', 'Incorrect username or password.')).toBe(
      'wrong-credentials',
    );
    // cognito-local answers a wrong password with InvalidPasswordException.
    expect(signInErrorCode('InvalidPasswordException', 'Invalid password')).toBe(
      'wrong-credentials',
    );
    expect(signInErrorCode('UserNotFoundException')).toBe('wrong-credentials');
  });

  it('tells a disabled account and throttling apart from a wrong password', () => {
    expect(signInErrorCode('NotAuthorizedException', 'User is disabled.')).toBe('disabled');
    expect(signInErrorCode('NotAuthorizedException', 'Password attempts exceeded')).toBe(
      'too-many-attempts',
    );
    expect(signInErrorCode('TooManyRequestsException')).toBe('too-many-attempts');
    expect(signInErrorCode('LimitExceededException')).toBe('too-many-attempts');
  });

  it('offers the next step for unconfirmed accounts and forced resets', () => {
    expect(signInErrorCode('UserNotConfirmedException')).toBe('not-confirmed');
    expect(signInErrorCode('PasswordResetRequiredException')).toBe('password-reset-required');
  });

  it('treats anything else as the service being unavailable', () => {
    expect(signInErrorCode('InternalErrorException')).toBe('unavailable');
    expect(signInErrorCode('')).toBe('unavailable');
  });
});

describe('signInErrorMessage', () => {
  it('words each code', () => {
    expect(signInErrorMessage('wrong-credentials')).toBe('Email or password is wrong.');
    expect(signInErrorMessage('not-confirmed')).toMatch(/not confirmed/);
    expect(signInErrorMessage('too-many-attempts')).toMatch(/Too many attempts/);
  });

  it("reads next-auth's own codes (CredentialsSignin) as wrong credentials", () => {
    expect(signInErrorMessage('CredentialsSignin')).toBe('Email or password is wrong.');
    expect(signInErrorMessage(undefined)).toMatch(/not possible right now/);
  });
});

describe('accountErrorMessage', () => {
  it('words code problems', () => {
    expect(accountErrorMessage('confirm', 'CodeMismatchException')).toMatch(/code is not right/);
    expect(accountErrorMessage('confirm', 'ExpiredCodeException')).toBe(
      'That code has expired. Ask for a new one below.',
    );
    expect(accountErrorMessage('reset-password', 'ExpiredCodeException')).toBe(
      'That code has expired. Ask for a new one.',
    );
  });

  it('words password problems for each form', () => {
    expect(accountErrorMessage('sign-up', 'InvalidPasswordException')).toBe(
      'That password does not meet the rules listed.',
    );
    expect(accountErrorMessage('change-password', 'NotAuthorizedException')).toBe(
      'Your current password is wrong.',
    );
  });

  it('never says whether an email has an account', () => {
    for (const name of ['UsernameExistsException', 'AliasExistsException', 'UserNotFoundException'])
      expect(accountErrorMessage('sign-up', name)).not.toMatch(/exist|account/i);
    expect(accountErrorMessage('resend', 'InvalidParameterException')).not.toMatch(/confirmed/);
  });

  it("explains cognito-local's missing ResendConfirmationCode", () => {
    expect(accountErrorMessage('resend', 'Unsupported')).toMatch(/npm run dev/);
    expect(accountErrorMessage('sign-up', 'Unsupported')).toMatch(/Try again in a moment/);
  });

  it('falls back to a generic sentence, never the raw exception', () => {
    expect(accountErrorMessage('sign-up', 'InternalErrorException')).toBe(
      'Something went wrong on our side. Try again in a moment.',
    );
  });
});

describe('errorName', () => {
  it('reads the name of errors only', () => {
    const error = new Error('x');
    error.name = 'CodeMismatchException';
    expect(errorName(error)).toBe('CodeMismatchException');
    expect(errorName({ name: 'CodeMismatchException' })).toBe('');
  });
});
