/**
 * The user pool's password policy, as DescribeUserPool reports it. The sign-up and password
 * forms show it as a list, and the server checks passwords against it before calling Cognito
 * (cognito-local does not enforce the policy at all). Client-safe and free of zod, so the
 * forms can check live without shipping it; the schema is in ./password-policy-schema.
 */
export interface PasswordPolicy {
  minimumLength: number;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
}

/** Cognito's own default, used when a pool reports no policy. */
export const defaultPasswordPolicy: PasswordPolicy = {
  minimumLength: 8,
  requireUppercase: true,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: true,
};

/** Cognito accepts at most 256 characters. */
export const maximumPasswordLength = 256;

/** The characters Cognito counts as symbols (its documented list, plus a non-edge space). */
const symbol = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;

type Rule = { id: keyof Omit<PasswordPolicy, 'minimumLength'> | 'length'; text: string };

export function passwordRules(policy: PasswordPolicy): Rule[] {
  const rules: Rule[] = [{ id: 'length', text: `At least ${policy.minimumLength} characters` }];
  if (policy.requireUppercase)
    rules.push({ id: 'requireUppercase', text: 'An uppercase letter (A–Z)' });
  if (policy.requireLowercase)
    rules.push({ id: 'requireLowercase', text: 'A lowercase letter (a–z)' });
  if (policy.requireNumbers) rules.push({ id: 'requireNumbers', text: 'A number (0–9)' });
  if (policy.requireSymbols)
    rules.push({ id: 'requireSymbols', text: 'A symbol, such as ! @ # $ % ^ & * or -' });
  return rules;
}

/** The rules `password` breaks, worded as in `passwordRules`; empty when it is acceptable. */
export function passwordProblems(policy: PasswordPolicy, password: string): string[] {
  const broken = passwordRules(policy).filter((rule) => !meets(rule.id, policy, password));
  const problems = broken.map((rule) => rule.text);
  if (password.length > maximumPasswordLength)
    problems.push(`At most ${maximumPasswordLength} characters`);
  if (password !== password.trim()) problems.push('No space at the start or the end');
  return problems;
}

function meets(id: Rule['id'], policy: PasswordPolicy, password: string): boolean {
  switch (id) {
    case 'length':
      return [...password].length >= policy.minimumLength;
    case 'requireUppercase':
      return /[A-Z]/.test(password);
    case 'requireLowercase':
      return /[a-z]/.test(password);
    case 'requireNumbers':
      return /[0-9]/.test(password);
    case 'requireSymbols':
      return symbol.test(password.trim());
  }
}
