'use client';

import Link from 'next/link';
import { useId, useState, type KeyboardEvent } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import {
  keyPlaceholder,
  snippetFor,
  snippetLanguages,
  type SentRequest,
} from '@/lib/try-it/snippets';
import type { KeySource } from '@/lib/try-it/explanation';

type Props = {
  request: SentRequest;
  keySource: KeySource;
  /** The key the visitor pasted into Authorize: already in this browser, so it may be shown. */
  pastedKey?: string;
};

/** The same call as curl, fetch and requests, the key as a placeholder until revealed. */
export function SnippetTabs({ request, keySource, pastedKey }: Props) {
  const [selected, setSelected] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const id = useId();
  const language = snippetLanguages[selected] ?? snippetLanguages[0]!;
  const canReveal = keySource === 'pasted' && Boolean(pastedKey);
  const code = snippetFor(language.id, request, revealed && canReveal ? pastedKey : undefined);

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (selected + step + snippetLanguages.length) % snippetLanguages.length;
    setSelected(next);
    document.getElementById(`${id}-tab-${next}`)?.focus();
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div role="tablist" aria-label="Code snippet language" className="flex gap-1">
          {snippetLanguages.map((each, index) => (
            <button
              key={each.id}
              id={`${id}-tab-${index}`}
              type="button"
              role="tab"
              aria-selected={index === selected}
              aria-controls={`${id}-panel`}
              tabIndex={index === selected ? 0 : -1}
              onClick={() => setSelected(index)}
              onKeyDown={onKeyDown}
              className={`rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-500 ${
                index === selected
                  ? 'bg-indigo-600 text-white dark:bg-indigo-500'
                  : 'text-slate-700 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800'
              }`}
            >
              {each.label}
            </button>
          ))}
        </div>
        <div className="flex items-center gap-2">
          {canReveal && (
            <button
              type="button"
              aria-pressed={revealed}
              onClick={() => setRevealed((shown) => !shown)}
              className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 underline hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-slate-300 dark:hover:bg-slate-800"
            >
              {revealed ? 'Hide key' : 'Show key'}
            </button>
          )}
          <CopyButton text={code} label={`Copy the ${language.label} snippet`} />
        </div>
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${selected}`}>
        <pre className="max-h-80 overflow-auto rounded-md bg-slate-900 p-4 text-sm text-slate-100">
          <code data-testid="try-it-snippet">{code}</code>
        </pre>
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {keySource === 'subscription' ? (
          <>
            The portal added your key on the server; it is never sent to this page. Replace{' '}
            <code>{keyPlaceholder}</code> with the key from your{' '}
            <Link href="/dashboard" className="underline">
              dashboard
            </Link>
            .
          </>
        ) : (
          <>
            Replace <code>{keyPlaceholder}</code> with your API key
            {canReveal ? ', or show the key you pasted' : ''}.
          </>
        )}
      </p>
    </div>
  );
}
