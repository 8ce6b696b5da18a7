import { ActionForm } from '@/components/portal/action-form';
import { syncNowAction } from '@/lib/admin/actions/sync';
import type { SyncRun } from '@/lib/store/sync-state';

const utc = (ms: number) => `${new Date(ms).toISOString().replace('T', ' ').slice(0, 16)} UTC`;

/** When the read model was last reconciled with API Gateway, and a button to do it now. */
export function SyncPanel({
  lastRun,
  directoryReconciled,
}: {
  lastRun?: SyncRun;
  /** Whether a sync has ever reconciled the customer directory with the user pool. */
  directoryReconciled: boolean;
}) {
  return (
    <section
      aria-labelledby="sync-heading"
      className="rounded-xl border border-slate-200 p-4 text-sm dark:border-slate-800"
    >
      <h2 id="sync-heading" className="font-medium">
        Sync with API Gateway
      </h2>
      <p className="mt-1 text-slate-600 dark:text-slate-400">
        {lastRun
          ? `Last sync ${utc(lastRun.finishedAt)} (${lastRun.trigger}): ${lastRun.keysSeen} keys checked, ${lastRun.changeCount} repaired, ${lastRun.calls} API Gateway calls.`
          : 'No sync has run yet.'}{' '}
        Changes made outside the portal (console, CLI) show here after a sync.
      </p>
      {!directoryReconciled && (
        <p className="mt-1 font-medium text-amber-800 dark:text-amber-300">
          The customer list is not yet reconciled with the user pool: accounts that have not signed
          in since this installation or upgrade are missing until a sync runs.
        </p>
      )}
      <div className="mt-3">
        <ActionForm action={syncNowAction} fields={{}} label="Sync now" pendingLabel="Syncing…" />
      </div>
    </section>
  );
}
