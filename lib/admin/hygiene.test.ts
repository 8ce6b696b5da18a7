import { describe, expect, it } from 'vitest';
import type { Directory, KeySummary } from './directory-model';
import { filterHygiene, hygieneReport } from './hygiene';

const now = Date.parse('2025-06-30T12:00:00Z');
const daysAgo = (days: number) => now - days * 86_400_000;
const key = (id: string, fields: Partial<KeySummary>): KeySummary => ({
  id,
  name: id,
  enabled: true,
  rotatingOut: false,
  portalKey: false,
  ...fields,
});

const directory: Directory = {
  users: [
    { sub: 'live', username: 'live', email: 'live@example.test', status: 'active' },
    { sub: 'off', username: 'off', email: 'off@example.test', status: 'disabled' },
  ],
  adminSubs: [],
  keys: [
    key('healthy', { customerId: 'live', createdAt: daysAgo(40) }),
    key('fresh', { customerId: 'live', createdAt: daysAgo(3) }),
    key('idle', { createdAt: daysAgo(45) }),
    key('ancient', { createdAt: daysAgo(120) }),
    key('orphan', { customerId: 'deleted', createdAt: daysAgo(5) }),
    key('owner-off', { customerId: 'off', createdAt: daysAgo(5) }),
    key('disabled', { enabled: false, createdAt: daysAgo(400) }),
  ],
  plans: [{ id: 'p', name: 'Bronze', stages: ['a:prod'] }],
  planKeyIds: { p: ['healthy', 'fresh', 'idle', 'ancient', 'orphan', 'owner-off'] },
  lastUsedDay: { healthy: '2025-06-29', ancient: '2025-06-01' },
  usageWindow: { start: '2025-06-01', end: '2025-06-30' },
  reconciledAt: daysAgo(0),
};

describe('hygieneReport', () => {
  const report = hygieneReport(directory, now);
  const reasonsOf = (id: string) => report.find((entry) => entry.key.id === id)?.reasons;

  it('flags unused, old, plan-less and ownerless keys, and leaves healthy and disabled ones out', () => {
    expect(reasonsOf('healthy')).toBeUndefined();
    expect(reasonsOf('fresh')).toBeUndefined();
    expect(reasonsOf('disabled')).toBeUndefined();
    expect(reasonsOf('idle')).toEqual(['unused']);
    expect(reasonsOf('ancient')).toEqual(['old']);
    expect(reasonsOf('orphan')).toEqual(['owner-gone']);
    expect(reasonsOf('owner-off')).toEqual(['owner-disabled']);
  });

  it('calls an owner without a record unknown, not gone, until the directory is reconciled', () => {
    const unreconciled = hygieneReport({ ...directory, reconciledAt: undefined }, now);
    const orphan = unreconciled.find((entry) => entry.key.id === 'orphan');
    expect(orphan?.reasons).toEqual(['owner-unknown']);
    expect(orphan?.ownerEmail).toBeUndefined();
    expect(filterHygiene(unreconciled, 'owner-gone')).toEqual([]);
    // Owners the directory holds are judged as usual.
    expect(unreconciled.find((entry) => entry.key.id === 'owner-off')?.reasons).toEqual([
      'owner-disabled',
    ]);
  });

  it('finds keys in no plan and filters by reason', () => {
    const withLoose = hygieneReport({ ...directory, planKeyIds: { p: ['healthy', 'fresh'] } }, now);
    expect(
      filterHygiene(withLoose, 'no-plan')
        .map((entry) => entry.key.id)
        .sort(),
    ).toEqual(['ancient', 'idle', 'orphan', 'owner-off']);
  });
});
