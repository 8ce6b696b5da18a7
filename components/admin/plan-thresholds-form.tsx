'use client';

import { useActionState } from 'react';
import { idle, type ActionResult } from '@/lib/server-action/result';
import { SubmitButton } from '../auth/submit-button';
import { inputClasses } from '../auth/text-field';

type Props = {
  planId: string;
  planName: string;
  /** The plan's thresholds now (its own, or the default). */
  thresholds: number[];
  action: (state: ActionResult, form: FormData) => Promise<ActionResult>;
};

/** A plan's quota-alert percentages; a wrong list is explained next to the field. */
export function PlanThresholdsForm({ planId, planName, thresholds, action }: Props) {
  const [state, formAction] = useActionState(action, idle);
  const id = `thresholds-${planId}`;
  const failed = state.status === 'error';
  const typed = failed ? state.values?.thresholds : undefined;
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="planId" value={planId} />
      <label htmlFor={id} className="block text-sm font-medium">
        Quota alerts for {planName} (% of the quota)
      </label>
      <div className="flex flex-wrap items-start gap-2">
        <input
          id={id}
          name="thresholds"
          inputMode="numeric"
          autoComplete="off"
          required
          defaultValue={typed ?? thresholds.join(', ')}
          key={typed ?? thresholds.join(',')}
          aria-invalid={failed || undefined}
          aria-describedby={`${id}-hint ${id}-outcome`}
          className={`${inputClasses} max-w-xs`}
        />
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          Save alerts
        </SubmitButton>
      </div>
      <p id={`${id}-hint`} className="text-sm text-slate-600 dark:text-slate-400">
        Up to five whole percentages from 1 to 100, e.g. 80, 100. Customers are told once per
        threshold per quota period, in the portal and by mail.
      </p>
      <p
        id={`${id}-outcome`}
        aria-live="polite"
        className={
          failed
            ? 'text-sm text-rose-700 dark:text-rose-300'
            : 'text-sm text-emerald-700 dark:text-emerald-300'
        }
      >
        {state.status === 'idle' ? '' : state.message}
      </p>
    </form>
  );
}
