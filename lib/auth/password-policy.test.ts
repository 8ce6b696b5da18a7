import { describe, expect, it } from 'vitest';
import {
  defaultPasswordPolicy,
  passwordProblems,
  passwordRules,
  type PasswordPolicy,
} from './password-policy';

/** The local stack's pool (local/stack/provision-cognito.ts). */
const localPolicy: PasswordPolicy = {
  minimumLength: 8,
  requireUppercase: true,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: false,
};

describe('passwordRules', () => {
  it("words the local pool's policy", () => {
    expect(passwordRules(localPolicy).map((rule) => rule.text)).toEqual([
      'At least 8 characters',
      'An uppercase letter (A–Z)',
      'A lowercase letter (a–z)',
      'A number (0–9)',
    ]);
  });

  it('lists symbols only when the pool asks for them', () => {
    expect(passwordRules(defaultPasswordPolicy).at(-1)?.text).toBe(
      'A symbol, such as ! @ # $ % ^ & * or -',
    );
    const lenient = { ...localPolicy, requireUppercase: false, requireNumbers: false };
    expect(passwordRules({ ...lenient, minimumLength: 12 }).map((rule) => rule.text)).toEqual([
      'At least 12 characters',
      'A lowercase letter (a–z)',
    ]);
  });
});

describe('passwordProblems', () => {
  it('accepts the demo passwords under the local policy', () => {
    expect(passwordProblems(localPolicy, 'Portico-Admin-1')).toEqual([]);
    expect(passwordProblems(localPolicy, 'Portico-Dev-1')).toEqual([]);
  });

  it('lists every rule a password breaks', () => {
    expect(passwordProblems(localPolicy, 'short')).toEqual([
      'At least 8 characters',
      'An uppercase letter (A–Z)',
      'A number (0–9)',
    ]);
    expect(passwordProblems(defaultPasswordPolicy, 'Abcdefg1')).toEqual([
      'A symbol, such as ! @ # $ % ^ & * or -',
    ]);
  });

  it("counts Cognito's symbols, including an inner space but not an edge one", () => {
    for (const password of ['Abcdefg1^', 'Abcdefg1\\', 'Abcdefg1`', 'Abc defg1'])
      expect(passwordProblems(defaultPasswordPolicy, password), password).toEqual([]);
    expect(passwordProblems(defaultPasswordPolicy, 'Abcdefg1 ')).toEqual([
      'A symbol, such as ! @ # $ % ^ & * or -',
      'No space at the start or the end',
    ]);
  });

  it('counts characters, not UTF-16 units, and caps the length', () => {
    expect(passwordProblems({ ...localPolicy, minimumLength: 9 }, 'Aa1😀😀😀😀😀')).toEqual([
      'At least 9 characters',
    ]);
    expect(passwordProblems(localPolicy, `Aa1${'x'.repeat(300)}`)).toEqual([
      'At most 256 characters',
    ]);
  });
});
