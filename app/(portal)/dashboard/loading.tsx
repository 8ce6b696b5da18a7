export default function DashboardLoading() {
  const bar = 'rounded bg-slate-200 motion-safe:animate-pulse dark:bg-slate-800';
  return (
    <div role="status" className="space-y-8">
      <span className="sr-only">Loading your dashboard…</span>
      <div className={`h-9 w-56 ${bar}`} />
      <div className={`h-48 rounded-xl ${bar}`} />
      <div className="grid gap-4 md:grid-cols-2">
        <div className={`h-32 rounded-xl ${bar}`} />
        <div className={`h-32 rounded-xl ${bar}`} />
      </div>
    </div>
  );
}
