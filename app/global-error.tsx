'use client';

import { useLayoutEffect } from 'react';
import { ThemeScript } from '@/components/theme/theme-script';
import { applyTheme } from '@/components/theme/theme';
import './globals.css';

/** Replaces the root layout when the layout itself fails, so it brings its own document. */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  // Rendered in the browser after a failure, the inline script does not run: apply the theme here.
  useLayoutEffect(() => applyTheme(), []);

  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript />
        <title>Something went wrong · Portico</title>
      </head>
      <body className="flex min-h-dvh items-center justify-center bg-white p-6 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <main role="alert" className="max-w-xl space-y-6 text-center">
          <h1 className="text-3xl font-bold tracking-tight">Portico is having trouble</h1>
          <p className="text-slate-600 dark:text-slate-300">
            The portal could not load. Try again in a moment; if it keeps happening, tell the team
            that runs this portal.
          </p>
          <div className="flex flex-wrap justify-center gap-3">
            <button
              type="button"
              onClick={() => retry()}
              className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
            >
              Try again
            </button>
            {/* A full page load, not a client navigation through the broken layout. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/" className="rounded-md px-4 py-2 text-sm font-semibold underline">
              Go home
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
