'use client';

import { useActionState } from 'react';
import { mailPreferencesAction } from '@/lib/mail/actions';
import { SubmitButton } from '../auth/submit-button';

/** One switch: quota alerts and key reminders by mail (access-related mail always comes). */
export function MailPreferencesForm({ optionalMail }: { optionalMail: boolean }) {
  const [state, formAction] = useActionState(mailPreferencesAction, { status: 'idle' });
  return (
    <form action={formAction} className="space-y-3">
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="optionalMail"
          defaultChecked={optionalMail}
          className="size-4"
        />
        Mail me quota alerts and reminders to rotate old keys
      </label>
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save mail settings
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
