'use client';

import { useActionState, useState } from 'react';
import { importKeysAction } from '@/lib/admin/actions/keys';
import type { ImportPreview } from '@/lib/admin/key-import';
import { idle, type ActionResult } from '@/lib/server-action/result';
import { SubmitButton } from '../auth/submit-button';
import { Alert } from '../ui/alert';

/**
 * Paste or choose a key file, preview it (nothing is written), then import. The text is held
 * in state so it survives the form reset React does after each action.
 */
export function KeyImportForm() {
  const [csv, setCsv] = useState('');
  const [state, action] = useActionState<ActionResult<ImportPreview>, FormData>(
    importKeysAction,
    idle,
  );
  return (
    <div className="space-y-6">
      <form action={action} className="space-y-4">
        <label className="block text-sm font-medium">
          Key file (CSV)
          <input
            type="file"
            accept=".csv,text/csv"
            className="mt-1 block text-sm"
            onChange={async (event) => {
              const file = event.target.files?.[0];
              if (file) setCsv(await file.text());
            }}
          />
        </label>
        <label className="block text-sm font-medium">
          Contents
          <textarea
            name="csv"
            value={csv}
            onChange={(event) => setCsv(event.target.value)}
            rows={8}
            spellCheck={false}
            placeholder="Name,Key,Description,Enabled,UsageplanIds,CustomerEmail"
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-900"
          />
        </label>
        <div className="flex gap-3">
          <SubmitButton name="intent" value="preview" variant="secondary" pendingLabel="Checking…">
            Preview (dry run)
          </SubmitButton>
          <SubmitButton name="intent" value="import" pendingLabel="Importing…">
            Import all
          </SubmitButton>
        </div>
      </form>
      <div aria-live="polite">
        {state.status === 'error' && <Alert tone="error">{state.message}</Alert>}
        {state.status === 'success' &&
          (state.data ? (
            <PreviewResult preview={state.data} />
          ) : (
            <Alert tone="success">{state.message}</Alert>
          ))}
      </div>
    </div>
  );
}

function PreviewResult({ preview: { rows, problems } }: { preview: ImportPreview }) {
  if (problems.length > 0) {
    return (
      <Alert
        tone="error"
        title={`${problems.length} problem${problems.length === 1 ? '' : 's'}: nothing would be imported`}
      >
        <ul className="list-disc pl-5" data-testid="import-problems">
          {problems.map((problem, index) => (
            <li key={index}>
              {problem.line > 0 ? `Line ${problem.line}: ` : ''}
              {problem.message}
            </li>
          ))}
        </ul>
      </Alert>
    );
  }
  return (
    <Alert tone="success" title={`All ${rows.length} keys are ready to import`}>
      <ul className="list-disc pl-5">
        {rows.slice(0, 50).map((row) => (
          <li key={row.line}>
            Line {row.line}: {row.name}
            {row.enabled ? '' : ' (disabled)'}
            {row.planIds.length > 0 ? `, plans ${row.planIds.join(', ')}` : ', no plan'}
            {row.customer ? `, linked to ${row.customer.email}` : ''}
          </li>
        ))}
        {rows.length > 50 && <li>… and {rows.length - 50} more</li>}
      </ul>
    </Alert>
  );
}
