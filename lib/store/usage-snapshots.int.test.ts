import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../testing/event-deps';
import { testPortalDeps } from '../testing/portal-deps';
import { keySnapshot, planSnapshot, saveUsageSnapshot } from './usage-snapshots';

const days = ['2026-11-30', '2026-12-01', '2026-12-02'];

function setUp() {
  const clock = manualClock(Date.UTC(2026, 11, 2, 12));
  const deps = testPortalDeps({ now: clock.now });
  const planId = `plan-${randomUUID()}`;
  const stored = async (keyId: string, yyyyMm: string) =>
    (
      await deps.dynamo.send(
        new GetCommand({
          TableName: deps.tableName,
          Key: { pk: `USAGE#${keyId}`, sk: `${planId}#${yyyyMm}` },
        }),
      )
    ).Item;
  return { clock, deps, planId, stored };
}

describe('usage snapshots', () => {
  it('writes a month only when its numbers changed, so an unchanged sweep leaves items alone', async () => {
    const { clock, deps, planId, stored } = setUp();
    const busy = randomUUID();
    const idle = randomUUID();
    const first = {
      [busy]: [
        [3, 97],
        [5, 92],
        [1, 91],
      ],
      [idle]: [
        [2, 98],
        [0, 98],
        [0, 98],
      ],
    };
    // Two months (November's last day and December's first two), two keys: four items.
    expect(await saveUsageSnapshot(deps, planId, first, days)).toBe(4);
    const writtenAt = clock.now();

    clock.advance(15 * 60_000);
    expect(await saveUsageSnapshot(deps, planId, first, days)).toBe(0);
    expect((await stored(idle, '2026-12'))?.changedAt).toBe(writtenAt);
    expect((await stored(busy, '2026-12'))?.changedAt).toBe(writtenAt);

    // Only the busy key's December changed (today's calls); November is settled.
    const second = {
      ...first,
      [busy]: [
        [3, 97],
        [5, 92],
        [4, 88],
      ],
    };
    expect(await saveUsageSnapshot(deps, planId, second, days)).toBe(1);
    expect((await stored(busy, '2026-12'))?.changedAt).toBe(clock.now());
    expect((await stored(busy, '2026-11'))?.changedAt).toBe(writtenAt);
    expect((await stored(idle, '2026-12'))?.changedAt).toBe(writtenAt);
    expect((await planSnapshot(deps, planId, days))[busy]).toEqual(second[busy]);
  });

  it('compares one key against its own items (a customer refresh)', async () => {
    const { clock, deps, planId, stored } = setUp();
    const keyId = randomUUID();
    const usage = {
      [keyId]: [
        [0, 100],
        [7, 93],
        [2, 91],
      ],
    };
    expect(await saveUsageSnapshot(deps, planId, usage, days)).toBe(2);
    const writtenAt = clock.now();
    clock.advance(60_000);
    expect(await saveUsageSnapshot(deps, planId, usage, days)).toBe(0);
    expect((await stored(keyId, '2026-12'))?.changedAt).toBe(writtenAt);

    // A day that was a hole (no requests stored) and now has a pair is a change.
    const later = { [keyId]: [[1, 99], ...(usage[keyId]?.slice(1) ?? [])] };
    expect(await saveUsageSnapshot(deps, planId, later, days)).toBe(1);
    expect(await keySnapshot(deps, keyId, planId, days)).toEqual(later[keyId]);
  });
});
