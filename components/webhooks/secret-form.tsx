'use client';

import { useActionState, type ReactNode } from 'react';
import type { ActionResult } from '@/lib/server-action/result';
import { SubmitButton } from '../auth/submit-button';
import { CopyButton } from '../ui/copy-button';

type Action = (state: ActionResult<string>, form: FormData) => Promise<ActionResult<string>>;

type SecretFormProps = {
  action: Action;
  fields?: Record<string, string>;
  label: string;
  pendingLabel: string;
  children?: ReactNode;
};

/** A form whose success answer carries a secret shown once, with a copy button. */
export function SecretForm({
  action,
  fields = {},
  label,
  pendingLabel,
  children,
}: SecretFormProps) {
  const [state, formAction] = useActionState(action, { status: 'idle' } as ActionResult<string>);
  return (
    <form action={formAction} className="space-y-3">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <SubmitButton pendingLabel={pendingLabel}>{label}</SubmitButton>
      <div aria-live="polite" className="space-y-2 text-sm">
        {state.status === 'error' && (
          <p className="text-rose-700 dark:text-rose-300">{state.message}</p>
        )}
        {state.status === 'success' && (
          <>
            <p className="text-emerald-700 dark:text-emerald-300">{state.message}</p>
            {state.data && (
              <div className="flex flex-wrap items-center gap-2">
                <code
                  data-testid="webhook-secret"
                  className="rounded bg-slate-100 px-2 py-1 font-mono text-xs break-all dark:bg-slate-800"
                >
                  {state.data}
                </code>
                <CopyButton text={state.data} label="Copy signing secret" />
              </div>
            )}
          </>
        )}
      </div>
    </form>
  );
}
