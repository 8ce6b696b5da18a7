'use client';

import { Button } from '@/components/ui/button';

export default function CatalogAdminError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div
      role="alert"
      className="space-y-4 rounded-xl border border-rose-300 bg-rose-50 p-6 dark:border-rose-800 dark:bg-rose-950/40"
    >
      <h1 className="text-xl font-semibold">The APIs could not be loaded</h1>
      <p>
        API Gateway or the portal&apos;s table did not answer as expected. This is usually brief:
        try again in a moment.
      </p>
      <Button variant="danger" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
