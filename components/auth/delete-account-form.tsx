'use client';

import { useActionState, useEffect, useState } from 'react';
import { signOut } from '@/lib/auth/browser-endpoints';
import { idle } from '@/lib/server-action/result';
import { Button } from '../ui/button';
import type { FormAction } from './account-form';
import { FormAlert } from './form-alert';
import { SubmitButton } from './submit-button';
import { TextField } from './text-field';

/**
 * Deleting is final, so it takes two deliberate steps: open the panel, then type the account's
 * email. Once the server has deleted the account, the session is ended here too.
 */
export function DeleteAccountForm({ action, email }: { action: FormAction; email: string }) {
  const [open, setOpen] = useState(false);
  const [state, formAction] = useActionState(action, idle);

  useEffect(() => {
    if (state.status === 'success') void signOut('/sign-in?deleted=1');
  }, [state.status]);

  if (!open)
    return (
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete my account…
      </Button>
    );

  return (
    <form
      action={formAction}
      className="space-y-4 rounded-lg border border-rose-300 p-4 dark:border-rose-800"
    >
      <FormAlert state={state} />
      <p className="text-sm">
        This deletes your account and disables your API key at once: applications using it stop
        working. It cannot be undone.
      </p>
      <TextField
        name="confirmEmail"
        label={`Type your email, ${email}, to confirm`}
        type="email"
        autoComplete="off"
        required
        autoFocus
        errors={state.status === 'error' ? state.fieldErrors?.confirmEmail : undefined}
      />
      <div className="flex flex-wrap gap-3">
        <SubmitButton variant="danger" pendingLabel="Deleting your account…">
          Delete my account
        </SubmitButton>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
