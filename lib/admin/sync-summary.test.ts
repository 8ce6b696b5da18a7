import { describe, expect, it } from 'vitest';
import type { SyncRun } from '../store/sync-state';
import { describeSyncRun } from './sync-summary';

const run = (changes: SyncRun['changes'], changeCount = changes.length): SyncRun => ({
  startedAt: 0,
  finishedAt: 1,
  trigger: 'admin',
  calls: 4,
  keysSeen: 12,
  changes,
  changeCount,
  resumed: false,
});

describe('describeSyncRun', () => {
  it('says when there was nothing to repair', () => {
    expect(describeSyncRun(run([]))).toBe(
      'The read model matched API Gateway: 12 keys checked with 4 calls, nothing to repair.',
    );
  });

  it('lists the first repairs with what changed and counts the rest', () => {
    const changes = Array.from({ length: 7 }, (_, index) => ({
      kind: 'key' as const,
      id: `k${index}`,
      change: 'updated' as const,
      fields: 'enabled',
    }));
    expect(describeSyncRun(run(changes, 9))).toBe(
      'Repaired 9 records with 4 calls: key k0 updated (enabled); key k1 updated (enabled); key k2 updated (enabled); key k3 updated (enabled); key k4 updated (enabled); and 4 more.',
    );
    expect(describeSyncRun(run([{ kind: 'plan', id: 'p1', change: 'removed' }]))).toBe(
      'Repaired 1 record with 4 calls: plan p1 removed.',
    );
  });
});
