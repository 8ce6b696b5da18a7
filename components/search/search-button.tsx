'use client';

import dynamic from 'next/dynamic';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';

/** The dialog's code loads on first use: every page carries the button, few open it. */
const SearchDialog = dynamic(() => import('./search-dialog').then((m) => m.SearchDialog), {
  ssr: false,
});

const noSubscription = () => () => {};
const isApple = () => /Mac|iPhone|iPad/.test(navigator.platform);

/** The header's search: this button, or Ctrl-K / ⌘K anywhere, opens the search dialog. */
export function SearchButton() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  // The server cannot know the keyboard; it renders Ctrl, which Apple devices swap for ⌘.
  const apple = useSyncExternalStore(noSubscription, isApple, () => false);

  const show = useCallback(() => {
    const focused = document.activeElement;
    returnTo.current = focused instanceof HTMLElement ? focused : button.current;
    setOpen(true);
  }, []);
  const close = useCallback(() => setOpen(false), []);

  // Focus goes back once the modal dialog is gone: while it is open, the page behind is inert.
  useEffect(() => {
    if (open || !returnTo.current) return;
    returnTo.current.focus();
    returnTo.current = null;
  }, [open]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'k' || event.altKey || event.shiftKey) return;
      if (!(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      show();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [show]);

  return (
    <>
      <button
        ref={button}
        type="button"
        onClick={show}
        aria-haspopup="dialog"
        // The catalog page has its own "Search" button, for its filter. The shortcut hint sits
        // beside the button: inside, its visible text would be missing from this name.
        aria-label="Search the portal"
        aria-keyshortcuts="Control+K Meta+K"
        className="flex items-center gap-2 rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <path
            fillRule="evenodd"
            d="M9 3.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11ZM2 9a7 7 0 1 1 12.45 4.39l3.08 3.08a.75.75 0 1 1-1.06 1.06l-3.08-3.08A7 7 0 0 1 2 9Z"
            clipRule="evenodd"
          />
        </svg>
        Search
      </button>
      <kbd
        aria-hidden="true"
        className="hidden rounded border border-slate-300 px-1 font-sans text-xs text-slate-600 sm:inline dark:border-slate-600 dark:text-slate-300"
      >
        {apple ? '⌘K' : 'Ctrl K'}
      </kbd>
      {open && <SearchDialog onClose={close} />}
    </>
  );
}
