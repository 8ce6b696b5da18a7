import { z } from 'zod';
import { maximumPasswordLength } from '../auth/password-policy';

/**
 * Every account form's input, checked on the server by its action (and by the Credentials
 * provider for sign-in). Client-safe, so forms can share the field names.
 */
export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Enter an email address, like name@example.com.' }).max(254));

/** Cognito's codes are six digits; people paste them with spaces. */
export const codeField = z
  .string()
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, { error: 'Enter the 6-digit code from the email.' }));

/** Not trimmed: a password is what was typed. The pool's policy is checked separately. */
export const passwordField = z
  .string()
  .min(1, { error: 'Enter a password.' })
  .max(maximumPasswordLength, { error: `Use at most ${maximumPasswordLength} characters.` });

export const signInInput = z.object({
  email: emailField,
  password: passwordField,
  /** Only on the second step, when Cognito asks for a new password. */
  newPassword: passwordField.optional(),
});

export const signUpInput = z.object({ email: emailField, password: passwordField });
export const confirmInput = z.object({ email: emailField, code: codeField });
export const emailOnlyInput = z.object({ email: emailField });
export const resetPasswordInput = z.object({
  email: emailField,
  code: codeField,
  password: passwordField,
});
export const changePasswordInput = z.object({
  currentPassword: passwordField,
  newPassword: passwordField,
});
export const deleteAccountInput = z.object({ confirmEmail: emailField });

export type SignInInput = z.infer<typeof signInInput>;
