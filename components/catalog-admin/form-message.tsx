import type { ActionResult } from '@/lib/server-action/result';

/** An action's outcome, announced: errors interrupt (`alert`), successes wait (`status`). */
export function FormMessage({ state, id }: { state: ActionResult; id?: string }) {
  if (state.status === 'idle') return <p id={id} role="status" className="sr-only" />;
  return state.status === 'error' ? (
    <p
      id={id}
      role="alert"
      className="text-sm whitespace-pre-wrap text-rose-700 dark:text-rose-300"
    >
      {state.message}
    </p>
  ) : (
    <p id={id} role="status" className="text-sm text-emerald-700 dark:text-emerald-300">
      {state.message}
    </p>
  );
}
