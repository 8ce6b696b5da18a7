import { passwordProblems, passwordRules, type PasswordPolicy } from '@/lib/auth/password-policy';

type PasswordRulesProps = {
  policy: PasswordPolicy;
  /** When given, each rule shows whether this password meets it. */
  password?: string;
};

/** The pool's password rules as a checklist; met rules say so in text, not only in colour. */
export function PasswordRules({ policy, password }: PasswordRulesProps) {
  const problems = password ? new Set(passwordProblems(policy, password)) : undefined;
  return (
    <ul className="space-y-0.5">
      {passwordRules(policy).map((rule) => {
        const met = problems ? !problems.has(rule.text) : undefined;
        return (
          <li
            key={rule.id}
            className={`flex items-center gap-2 ${met ? 'text-emerald-700 dark:text-emerald-400' : ''}`}
          >
            <span aria-hidden="true" className="w-3 text-center">
              {met ? '✓' : '•'}
            </span>
            {rule.text}
            {met && <span className="sr-only"> (done)</span>}
          </li>
        );
      })}
    </ul>
  );
}
