/** Shown while an account page asks Cognito for the pool's password rules. */
export default function Loading() {
  return (
    <div className="mx-auto w-full max-w-md space-y-6" aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading…</span>
      <div className="mx-auto h-8 w-48 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-64 animate-pulse rounded-xl bg-slate-100 dark:bg-slate-900" />
    </div>
  );
}
