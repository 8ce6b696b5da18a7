export default function CatalogAdminLoading() {
  return (
    <div role="status" aria-label="Loading the APIs" className="space-y-6">
      <div className="h-9 w-32 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-40 animate-pulse rounded-xl bg-slate-200 dark:bg-slate-800" />
      {[1, 2].map((n) => (
        <div key={n} className="h-32 animate-pulse rounded-xl bg-slate-200 dark:bg-slate-800" />
      ))}
    </div>
  );
}
