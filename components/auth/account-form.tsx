'use client';

import { useActionState, type ReactNode } from 'react';
import type { PasswordPolicy } from '@/lib/auth/password-policy';
import { idle, type ActionResult } from '@/lib/server-action/result';
import { FormAlert } from './form-alert';
import { PasswordField } from './password-field';
import { SubmitButton } from './submit-button';
import { TextField } from './text-field';

export type AccountField = {
  name: string;
  label: string;
  kind: 'email' | 'code' | 'password' | 'new-password' | 'hidden';
  defaultValue?: string;
  hint?: string;
  autoFocus?: boolean;
};

export type FormAction = (state: ActionResult, form: FormData) => Promise<ActionResult>;

type AccountFormProps = {
  /** A server action; it validates the input again and answers with a ActionResult. */
  action: FormAction;
  fields: AccountField[];
  submitLabel: string;
  pendingLabel: string;
  /** Needed when a field is a new password: its rules are listed under it. */
  policy?: PasswordPolicy;
  variant?: 'primary' | 'secondary' | 'danger';
  /** Under the alert, e.g. a link to the next step. */
  children?: ReactNode;
};

/** Every small account form (sign-up, codes, passwords): fields, one action, one outcome. */
export function AccountForm(props: AccountFormProps) {
  const { action, fields, submitLabel, pendingLabel, policy, variant, children } = props;
  const [state, formAction] = useActionState(action, idle);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const values = state.status === 'error' ? state.values : undefined;

  return (
    <form action={formAction} className="space-y-5">
      <FormAlert state={state} />
      {fields.map((field) => {
        const common = {
          name: field.name,
          label: field.label,
          errors: errors?.[field.name],
          defaultValue: values?.[field.name] ?? field.defaultValue,
          autoFocus: field.autoFocus,
          required: true,
        };
        switch (field.kind) {
          case 'hidden':
            return (
              <input key={field.name} type="hidden" name={field.name} value={field.defaultValue} />
            );
          case 'email':
            return (
              <TextField
                key={field.name}
                {...common}
                type="email"
                autoComplete="email"
                hint={field.hint}
              />
            );
          case 'code':
            return (
              <TextField
                key={field.name}
                {...common}
                type="text"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={12}
                hint={field.hint}
              />
            );
          case 'password':
            return <PasswordField key={field.name} {...common} autoComplete="current-password" />;
          case 'new-password':
            return (
              <PasswordField
                key={field.name}
                {...common}
                autoComplete="new-password"
                policy={policy}
              />
            );
        }
      })}
      {children}
      <SubmitButton pendingLabel={pendingLabel} variant={variant} className="w-full">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
