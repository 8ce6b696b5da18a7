'use client';

import { useActionState, type ReactNode } from 'react';
import type { ActionResult } from '@/lib/server-action/result';
import { SubmitButton } from '../auth/submit-button';
import type { ButtonProps } from '../ui/button';

type Action = (state: ActionResult, form: FormData) => Promise<ActionResult>;

type ActionFormProps = {
  action: Action;
  /** Hidden inputs, e.g. the plan id. Who is acting always comes from the session. */
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  variant?: ButtonProps['variant'];
  /** Asked before a destructive action; the form is not sent unless the person agrees. */
  confirm?: string;
  /** Extra inputs, e.g. a rejection reason. */
  children?: ReactNode;
};

/** One server action behind one button, with its outcome announced next to it. */
export function ActionForm({
  action,
  fields,
  label,
  pendingLabel,
  variant,
  confirm,
  children,
}: ActionFormProps) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
      className="space-y-2"
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
      <p
        aria-live="polite"
        className={
          state.status === 'error'
            ? 'text-sm text-rose-700 dark:text-rose-300'
            : 'text-sm text-emerald-700 dark:text-emerald-300'
        }
      >
        {state.status === 'idle' ? '' : state.message}
      </p>
    </form>
  );
}
