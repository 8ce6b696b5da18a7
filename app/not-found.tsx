import type { Metadata } from 'next';
import { connection } from 'next/server';
import { ButtonLink } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Page not found' };

/**
 * Rendered per request for unknown addresses, so that it carries the nonce policy proxy.ts
 * sends them; inside the cached pages (force-static) `connection()` changes nothing.
 */
export default async function NotFound() {
  await connection();
  return (
    <div className="mx-auto max-w-xl space-y-6 py-12 text-center">
      <p className="text-sm font-semibold text-indigo-700 dark:text-indigo-300">404</p>
      <h1 className="text-3xl font-bold tracking-tight">We could not find that page</h1>
      <p className="text-slate-600 dark:text-slate-300">
        The link may be out of date, or the page may have moved. The API you are looking for is
        probably in the catalog.
      </p>
      <div className="flex flex-wrap justify-center gap-3">
        <ButtonLink href="/apis">Browse the APIs</ButtonLink>
        <ButtonLink href="/" variant="secondary">
          Go home
        </ButtonLink>
      </div>
    </div>
  );
}
