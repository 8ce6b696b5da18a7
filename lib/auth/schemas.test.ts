import { describe, expect, it } from 'vitest';
import { confirmInput, formValues, invalidInput, signInInput, signUpInput } from './schemas';

describe('account form inputs', () => {
  it('normalises emails and codes the way people type them', () => {
    expect(confirmInput.parse({ email: ' Dev@Example.COM ', code: '424 242' })).toEqual({
      email: 'dev@example.com',
      code: '424242',
    });
  });

  it('keeps passwords exactly as typed', () => {
    expect(signUpInput.parse({ email: 'a@b.co', password: ' Pass word1 ' }).password).toBe(
      ' Pass word1 ',
    );
  });

  it('names each bad field in words', () => {
    const result = confirmInput.safeParse({ email: 'nope', code: '12' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(invalidInput(result.error)).toEqual({
      status: 'error',
      message: 'Check the highlighted fields.',
      fieldErrors: {
        email: ['Enter an email address, like name@example.com.'],
        code: ['Enter the 6-digit code from the email.'],
      },
    });
  });

  it('treats the new password of sign-in as optional', () => {
    expect(signInInput.parse({ email: 'a@b.co', password: 'x' })).toEqual({
      email: 'a@b.co',
      password: 'x',
    });
    expect(signInInput.safeParse({ email: 'a@b.co', password: '' }).success).toBe(false);
  });

  it('sends back what was typed, except passwords', () => {
    const result = signUpInput.safeParse({ email: 'nope', password: 'x' });
    if (result.success) throw new Error('expected a bad email');
    expect(
      invalidInput(result.error, { email: 'nope', password: 'x', $ACTION_ID: '1' }),
    ).toMatchObject({
      values: { email: 'nope' },
    });
  });

  it('reads only the text fields of a form', () => {
    const form = new FormData();
    form.set('email', 'a@b.co');
    form.set('file', new Blob(['x']));
    expect(formValues(form)).toEqual({ email: 'a@b.co' });
  });
});
