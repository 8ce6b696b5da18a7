import type { ReactNode } from 'react';
import { Alert } from '../ui/alert';
import type { ActionResult } from '@/lib/server-action/result';

/** A form's outcome: errors (with broken password rules listed) or a success message. */
export function FormAlert({ state, children }: { state: ActionResult; children?: ReactNode }) {
  if (state.status === 'idle') return null;
  if (state.status === 'success') return <Alert tone="success">{state.message}</Alert>;
  return (
    <Alert tone="error" title={state.message}>
      {state.problems?.length ? (
        <ul className="list-inside list-disc">
          {state.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : undefined}
      {children}
    </Alert>
  );
}
