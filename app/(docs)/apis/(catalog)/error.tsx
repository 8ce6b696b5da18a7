'use client';

export default function CatalogError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div
      role="alert"
      className="space-y-4 rounded-xl border border-rose-300 bg-rose-50 p-6 dark:border-rose-800 dark:bg-rose-950/40"
    >
      <h1 className="text-xl font-semibold">The API catalog could not be loaded</h1>
      <p>API Gateway did not answer as expected. This is usually brief: try again in a moment.</p>
      <button
        type="button"
        onClick={reset}
        className="rounded-md bg-rose-700 px-4 py-2 text-sm font-semibold text-white hover:bg-rose-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-500"
      >
        Try again
      </button>
    </div>
  );
}
