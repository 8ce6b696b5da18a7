'use client';

import { useState, useTransition } from 'react';
import { curlCommand, type FirstCall } from '@/lib/portal/first-call';
import { idle, type ActionResult } from '@/lib/server-action/result';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { CopyButton } from '../ui/copy-button';
import { utcDay } from '@/lib/usage/utc-days';

type KeyPanelProps = {
  keyId: string;
  createdAt?: number;
  ageDays?: number;
  needsRotation: boolean;
  firstCall?: FirstCall;
  reveal: KeyAction;
  rotate: KeyAction;
};

type KeyResult = ActionResult<{ secret: string }>;
type KeyAction = () => Promise<KeyResult>;

const placeholder = '$API_KEY';

/**
 * The customer's key: masked until they ask to see it (the value is fetched only then, and the
 * request is audited), with copy, rotation and a ready-to-run first call.
 */
export function KeyPanel({
  keyId,
  createdAt,
  ageDays,
  needsRotation,
  firstCall,
  reveal,
  rotate,
}: KeyPanelProps) {
  const [value, setValue] = useState<string>();
  const [result, setResult] = useState<KeyResult>(idle);
  const [pending, startTransition] = useTransition();

  const run = (action: KeyAction) =>
    startTransition(async () => {
      const outcome = await action();
      setResult(outcome);
      if (outcome.status === 'success' && outcome.data) setValue(outcome.data.secret);
    });

  const onRotate = () => {
    if (
      window.confirm(
        'Create a new key? The current key keeps working for 24 hours, then stops. The new key is shown once.',
      )
    )
      run(rotate);
  };

  return (
    <section
      aria-labelledby="key-heading"
      className="space-y-4 rounded-xl border border-slate-200 p-6 dark:border-slate-800"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="key-heading" className="text-lg font-semibold">
          Your API key
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Key id <span className="font-mono">{keyId}</span>
          {createdAt !== undefined && (
            <>
              {' · created '}
              <time dateTime={new Date(createdAt).toISOString()}>{utcDay(createdAt)}</time>
              {ageDays !== undefined && ` (${ageDays} day${ageDays === 1 ? '' : 's'} ago)`}
            </>
          )}
        </p>
      </div>
      {needsRotation && (
        <Alert tone="warning" title="This key is older than 90 days">
          Rotate it: you get a new key, and the old one keeps working for 24 hours while you switch.
        </Alert>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <code
          data-testid="api-key-value"
          className="rounded-md bg-slate-100 px-3 py-2 font-mono text-sm break-all dark:bg-slate-800"
        >
          {value ?? '•'.repeat(24)}
        </code>
        {value ? (
          <CopyButton text={value} label="Copy API key" />
        ) : (
          <Button variant="secondary" size="sm" onClick={() => run(reveal)} disabled={pending}>
            {pending ? 'Revealing…' : 'Reveal key'}
          </Button>
        )}
        <Button variant="ghost" size="sm" onClick={onRotate} disabled={pending}>
          Rotate key
        </Button>
      </div>
      {result.status !== 'idle' && (
        <Alert tone={result.status === 'error' ? 'error' : 'success'}>{result.message}</Alert>
      )}
      {firstCall && (
        <div className="space-y-2">
          <h3 className="font-medium">Your first call ({firstCall.apiName})</h3>
          <pre className="overflow-x-auto rounded-md bg-slate-900 p-4 text-sm text-slate-100">
            <code>{curlCommand(firstCall, value ?? placeholder)}</code>
          </pre>
          <div className="flex items-center gap-3">
            <CopyButton
              text={curlCommand(firstCall, value ?? placeholder)}
              label="Copy the curl command"
            />
            {!value && (
              <span className="text-sm text-slate-600 dark:text-slate-400">
                Replace {placeholder} with your key, or reveal it above.
              </span>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
