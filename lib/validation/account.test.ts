import { describe, expect, it } from 'vitest';
import { confirmInput, signInInput, signUpInput } from './account';

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
    expect(result.error?.issues.map(({ path, message }) => [path, message])).toEqual([
      [['email'], 'Enter an email address, like name@example.com.'],
      [['code'], 'Enter the 6-digit code from the email.'],
    ]);
  });

  it('treats the new password of sign-in as optional', () => {
    expect(signInInput.parse({ email: 'a@b.co', password: 'x' })).toEqual({
      email: 'a@b.co',
      password: 'x',
    });
    expect(signInInput.safeParse({ email: 'a@b.co', password: '' }).success).toBe(false);
  });
});
