export default function CustomersLoading() {
  const bar = 'rounded bg-slate-200 motion-safe:animate-pulse dark:bg-slate-800';
  return (
    <div role="status" className="space-y-6">
      <span className="sr-only">Loading customers…</span>
      <div className={`h-9 w-56 ${bar}`} />
      <div className={`h-12 ${bar}`} />
      <div className={`h-96 rounded-xl ${bar}`} />
    </div>
  );
}
