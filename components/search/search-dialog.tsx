'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchResult } from '@/lib/search/search-result';
import { SearchOption } from './search-option';
import { requestSearch } from './search-request';

type Status =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'done'; query: string }
  | { kind: 'error'; message: string };

/** Long enough to skip the keystrokes of a word being typed, short enough to feel instant. */
const pauseMs = 150;

/**
 * A modal dialog holding a combobox: focus stays in the input while the arrow keys move the
 * active option (aria-activedescendant), Enter opens it, Escape or a click outside closes.
 */
export function SearchDialog({ onClose }: { onClose: () => void }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const timer = useRef<number | undefined>(undefined);
  const inflight = useRef<AbortController | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResult[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [active, setActive] = useState(0);
  const id = useId();
  const optionId = (index: number) => `${id}-option-${index}`;

  useEffect(() => {
    dialog.current?.showModal();
    return () => {
      window.clearTimeout(timer.current);
      inflight.current?.abort();
    };
  }, []);

  useEffect(() => {
    if (results.length > 0)
      document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });

  async function run(text: string) {
    const controller = new AbortController();
    inflight.current = controller;
    try {
      const outcome = await requestSearch(text, controller.signal);
      if (controller.signal.aborted) return;
      setResults(outcome.ok ? outcome.results : []);
      setActive(0);
      setStatus(
        outcome.ok ? { kind: 'done', query: text } : { kind: 'error', message: outcome.message },
      );
    } catch {
      if (controller.signal.aborted) return;
      setResults([]);
      setStatus({
        kind: 'error',
        message: 'Search could not reach the portal. Check your connection.',
      });
    }
  }

  function change(value: string) {
    setQuery(value);
    window.clearTimeout(timer.current);
    inflight.current?.abort();
    const text = value.trim();
    if (!text) {
      setResults([]);
      setStatus({ kind: 'idle' });
      return;
    }
    setStatus({ kind: 'loading' });
    timer.current = window.setTimeout(() => void run(text), pauseMs);
  }

  function open(result: SearchResult) {
    onClose();
    router.push(result.href);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = results.length;
    if (event.key === 'ArrowDown' && count > 0) setActive((active + 1) % count);
    else if (event.key === 'ArrowUp' && count > 0) setActive((active - 1 + count) % count);
    else if (event.key === 'Home' && count > 0) setActive(0);
    else if (event.key === 'End' && count > 0) setActive(count - 1);
    else if (event.key === 'Enter' && results[active]) open(results[active]);
    else return;
    event.preventDefault();
  }

  const expanded = results.length > 0;
  return (
    <dialog
      ref={dialog}
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      // Escape: the browser's cancel, turned into closing through the button's state.
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      className="mx-auto mt-[10vh] w-[min(40rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id={`${id}-title`} className="sr-only">
        Search the portal
      </h2>
      <div className="flex items-center gap-2 border-b border-slate-200 px-4 dark:border-slate-700">
        <label htmlFor={`${id}-input`} className="sr-only">
          Search APIs, operations, schemas and guides
        </label>
        <input
          id={`${id}-input`}
          type="text"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={expanded ? `${id}-listbox` : undefined}
          aria-activedescendant={expanded ? optionId(active) : undefined}
          aria-autocomplete="list"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          maxLength={100}
          placeholder="Search APIs, operations, schemas and guides"
          value={query}
          onChange={(event) => change(event.target.value)}
          onKeyDown={onKeyDown}
          className="h-14 w-full bg-transparent text-base outline-none placeholder:text-slate-500 dark:placeholder:text-slate-400"
        />
        <kbd className="rounded border border-slate-300 px-1.5 text-xs text-slate-600 dark:border-slate-600 dark:text-slate-300">
          Esc
        </kbd>
      </div>
      {expanded && (
        <ul
          id={`${id}-listbox`}
          role="listbox"
          aria-label="Results"
          className="max-h-[60vh] overflow-y-auto p-2"
        >
          {results.map((result, index) => (
            <SearchOption
              key={`${result.href} ${result.title}`}
              id={optionId(index)}
              result={result}
              selected={index === active}
              onPoint={() => setActive(index)}
              onChoose={() => open(result)}
            />
          ))}
        </ul>
      )}
      <p role="status" className="px-4 py-3 text-sm text-slate-600 dark:text-slate-400">
        {describe(status, results.length)}
      </p>
    </dialog>
  );
}

function describe(status: Status, count: number): string {
  if (status.kind === 'idle') return 'Type to search. Arrow keys choose, Enter opens.';
  if (status.kind === 'loading') return 'Searching…';
  if (status.kind === 'error') return status.message;
  if (count === 0) return `Nothing found for “${status.query}”.`;
  return count === 1 ? '1 result.' : `${count} results.`;
}
