'use client';

import { useEffect, useState } from 'react';
import { Button } from './button';

type CopyButtonProps = {
  text: string;
  /** Accessible name, e.g. "Copy API key"; the visible text stays short. */
  label?: string;
};

type Outcome = 'idle' | 'copied' | 'failed';

/** Copies `text` and says so in an `aria-live` region, for screen readers and everyone else. */
export function CopyButton({ text, label = 'Copy' }: CopyButtonProps) {
  const [outcome, setOutcome] = useState<Outcome>('idle');

  useEffect(() => {
    if (outcome === 'idle') return;
    const timer = setTimeout(() => setOutcome('idle'), 2000);
    return () => clearTimeout(timer);
  }, [outcome]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      // The clipboard needs a secure context and permission; the reader can still select the text.
      setOutcome('failed');
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" size="sm" onClick={copy} aria-label={label}>
        {outcome === 'copied' ? 'Copied' : 'Copy'}
      </Button>
      <span aria-live="polite" className="text-sm text-slate-600 dark:text-slate-400">
        {outcome === 'copied' && <span className="sr-only">Copied</span>}
        {outcome === 'failed' && 'Could not copy: select the text and copy it yourself.'}
      </span>
    </span>
  );
}
