'use client';

import { useActionState, useId } from 'react';
import type { ActionResult } from '@/lib/server-action/result';
import { SubmitButton } from '../auth/submit-button';
import { inputClass } from './field';
import { FormMessage } from './form-message';

type Action = (state: ActionResult, form: FormData) => Promise<ActionResult>;

const maxBytes = 5 * 1024 * 1024;

/** Uploads a new generic spec, or replaces one (`replace` names it and the revision shown). */
export function UploadSpecForm({
  action,
  replace,
}: {
  action: Action;
  replace?: { specId: string; revision: string; title: string };
}) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  const id = useId();
  return (
    <form action={formAction} className="space-y-3">
      {replace && <input type="hidden" name="specId" value={replace.specId} />}
      {replace && <input type="hidden" name="revision" value={replace.revision} />}
      <div>
        <label htmlFor={`${id}-file`} className="block text-sm font-medium">
          {replace ? `New version of ${replace.title}` : 'OpenAPI 3 file'}
        </label>
        <input
          id={`${id}-file`}
          name="file"
          type="file"
          required
          accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
          aria-describedby={`${id}-hint`}
          // Refused here already, so nobody waits for 50 MB to upload to hear it is too big.
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.setCustomValidity(
              file && file.size > maxBytes ? 'The file is larger than 5 MB.' : '',
            );
          }}
          className={`${inputClass} file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1 dark:file:bg-slate-800 dark:file:text-slate-100`}
        />
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          JSON or YAML, OpenAPI 3.0 or 3.1, at most 5 MB.
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton
          variant={replace ? 'secondary' : 'primary'}
          pendingLabel={replace ? 'Replacing…' : 'Uploading…'}
        >
          {replace ? 'Replace spec' : 'Upload spec'}
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
