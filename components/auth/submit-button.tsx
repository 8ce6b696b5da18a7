'use client';

import { useFormStatus } from 'react-dom';
import { Button, type ButtonProps } from '../ui/button';

type SubmitButtonProps = Omit<ButtonProps, 'type'> & {
  /** Shown while the form is being sent, e.g. "Creating your account…". */
  pendingLabel: string;
  /** For forms submitted by hand (not through a form action), where useFormStatus is idle. */
  pending?: boolean;
};

/** The form's submit button; disabled and relabelled while the form is in flight. */
export function SubmitButton({ children, pendingLabel, pending, ...props }: SubmitButtonProps) {
  const status = useFormStatus();
  const busy = pending ?? status.pending;
  return (
    <Button type="submit" disabled={busy} aria-busy={busy} {...props}>
      {busy && (
        <span
          aria-hidden="true"
          className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent"
        />
      )}
      {busy ? pendingLabel : children}
    </Button>
  );
}
