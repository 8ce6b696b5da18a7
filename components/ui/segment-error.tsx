'use client';

import { useEffect } from 'react';
import { Button } from './button';

type SegmentErrorProps = {
  error: unknown;
  retry: () => void;
  title: string;
  children: React.ReactNode;
};

/**
 * What a segment's error boundary shows. `retry` (Next 16) re-fetches the segment from the
 * server, so it also recovers from a failed server component; `reset` would only re-render
 * what the browser already has and show the same error again.
 */
export function SegmentError({ error, retry, title, children }: SegmentErrorProps) {
  useEffect(() => {
    // The details stay in the console and, via `digest`, in the server logs; never on the page.
    console.error(error);
  }, [error]);

  return (
    <div
      role="alert"
      className="space-y-4 rounded-xl border border-rose-300 bg-rose-50 p-6 dark:border-rose-800 dark:bg-rose-950/40"
    >
      <h1 className="text-xl font-semibold">{title}</h1>
      <p>{children}</p>
      <Button variant="danger" onClick={() => retry()}>
        Try again
      </Button>
    </div>
  );
}

/** The props Next passes to every `error.tsx`. */
export type ErrorBoundaryProps = { error: unknown; retry: () => void };
