import { SyncRunningError } from '../store/sync-lock';
import type { SyncDeps } from './deps';
import { poolDepsFromEnvironment } from './scheduled-deps';
import { syncReadModel } from './sync';
import { sweepUsage } from './usage-sweep';

let deps: SyncDeps | undefined;

/**
 * The scheduled sync (EventBridge, every 15 minutes by default in AWS): repairs the read model
 * from API Gateway and the customer directory from Cognito, then snapshots yesterday's and
 * today's usage. The snapshots are taken even when the sync fails (they read the plans already
 * recorded), so charts do not age because of a throttled sync; the sync's error is then
 * rethrown, for the function's error alarm.
 */
export async function handler(): Promise<{ changes: number; calls: number; snapshots: number }> {
  deps ??= poolDepsFromEnvironment();
  const run = await syncReadModel(deps, 'schedule').then(
    (done) => ({ done }),
    (error: unknown) => ({ error }),
  );
  const sweep = await sweepUsage(deps);
  // Another sync ("Sync now", a slow earlier run) holding the lock does this run's work.
  if ('error' in run && !(run.error instanceof SyncRunningError)) throw run.error;
  const done = 'done' in run ? run.done : undefined;
  const result = {
    changes: done?.changeCount ?? 0,
    calls: done?.calls ?? 0,
    snapshots: sweep.written,
  };
  console.log(JSON.stringify({ task: 'read-model-sync', ...result }));
  return result;
}
