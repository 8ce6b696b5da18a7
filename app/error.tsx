'use client';

import { useEffect } from 'react';
import { Button, ButtonLink } from '@/components/ui/button';

type ErrorProps = { error: unknown; retry: () => void };

/**
 * `retry` re-fetches the failed segment from the server, so it also recovers from errors in
 * server components (`reset` would only re-render what the browser already has).
 */
export default function ErrorPage({ error, retry }: ErrorProps) {
  useEffect(() => {
    // The details stay in the console and, via `digest`, in the server logs; never on the page.
    console.error(error);
  }, [error]);

  return (
    <div role="alert" className="mx-auto max-w-xl space-y-6 py-12 text-center">
      <h1 className="text-3xl font-bold tracking-tight">Something went wrong</h1>
      <p className="text-slate-600 dark:text-slate-300">
        This page could not be shown. It is often a brief problem: try again in a moment.
      </p>
      <div className="flex flex-wrap justify-center gap-3">
        <Button onClick={() => retry()}>Try again</Button>
        <ButtonLink href="/" variant="secondary">
          Go home
        </ButtonLink>
      </div>
    </div>
  );
}
