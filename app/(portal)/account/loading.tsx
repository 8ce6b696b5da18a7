export default function Loading() {
  return (
    <div className="max-w-2xl space-y-6" aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading your account…</span>
      <div className="h-9 w-56 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      {[0, 1, 2].map((row) => (
        <div key={row} className="h-40 animate-pulse rounded-xl bg-slate-100 dark:bg-slate-900" />
      ))}
    </div>
  );
}
