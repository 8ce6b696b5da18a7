/** How old the usage figures are: they come from snapshots, not from API Gateway live. */
export function SnapshotAge({ snapshotAt, now }: { snapshotAt?: number; now: number }) {
  if (snapshotAt === undefined) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Usage figures have not been collected yet: they appear after the next update.
      </p>
    );
  }
  const minutes = Math.max(0, Math.floor((now - snapshotAt) / 60_000));
  const age =
    minutes === 0 ? 'less than a minute ago' : `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  return (
    <p className="text-sm text-slate-600 dark:text-slate-400">
      Updated {age} ({new Date(snapshotAt).toISOString().slice(0, 16).replace('T', ' ')} UTC).
    </p>
  );
}
