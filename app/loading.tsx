export default function Loading() {
  const bar = 'rounded bg-slate-200 motion-safe:animate-pulse dark:bg-slate-800';
  return (
    <div role="status" className="space-y-8">
      <span className="sr-only">Loading…</span>
      <div className="space-y-3">
        <div className={`h-9 w-64 max-w-full ${bar}`} />
        <div className={`h-5 w-96 max-w-full ${bar}`} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {[1, 2, 3].map((n) => (
          <div key={n} className={`h-36 rounded-xl ${bar}`} />
        ))}
      </div>
    </div>
  );
}
