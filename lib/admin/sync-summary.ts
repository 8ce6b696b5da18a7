import type { SyncRun } from '../store/sync-state';

const shown = 5;

/** What "Sync now" tells the admin: how many repairs, and the first few. */
export function describeSyncRun(run: SyncRun): string {
  if (run.changeCount === 0) {
    return `The read model matched API Gateway: ${run.keysSeen} keys checked with ${run.calls} calls, nothing to repair.`;
  }
  const listed = run.changes
    .slice(0, shown)
    .map((change) =>
      [change.kind, change.id, change.change, change.fields ? `(${change.fields})` : '']
        .filter(Boolean)
        .join(' '),
    )
    .join('; ');
  const more = run.changeCount > shown ? `; and ${run.changeCount - shown} more` : '';
  return `Repaired ${run.changeCount} record${run.changeCount === 1 ? '' : 's'} with ${run.calls} calls: ${listed}${more}.`;
}
