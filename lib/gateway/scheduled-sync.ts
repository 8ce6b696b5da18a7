import { SyncRunningError } from '../store/sync-lock';
import type { SyncDeps } from './deps';
import { poolDepsFromEnvironment } from './scheduled-deps';
import { syncReadModel } from './sync';

let deps: SyncDeps | undefined;

/**
 * The scheduled sync (EventBridge, every 15 minutes by default in AWS): repairs the read model
 * from API Gateway and the customer directory from Cognito. Usage snapshots are the quota
 * sweep's job (lib/events/scheduled.ts), every 5 minutes, so alerts follow usage closely.
 */
export async function handler(): Promise<{ changes: number; calls: number }> {
  deps ??= poolDepsFromEnvironment();
  let result = { changes: 0, calls: 0 };
  try {
    const done = await syncReadModel(deps, 'schedule');
    result = { changes: done.changeCount, calls: done.calls };
  } catch (error) {
    // Another sync ("Sync now", a slow earlier run) holding the lock does this run's work.
    if (!(error instanceof SyncRunningError)) throw error;
  }
  console.log(JSON.stringify({ task: 'read-model-sync', ...result }));
  return result;
}
