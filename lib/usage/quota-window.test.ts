import { describe, expect, it } from 'vitest';
import { nextPeriodStart, periodStart, quotaOf } from './quota-window';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('quota periods (UTC)', () => {
  it('a DAY runs from midnight to midnight UTC, whatever the local time zone', () => {
    const now = at('2026-11-23T23:30:00-05:00');
    expect(iso(periodStart({ period: 'DAY', offset: 0 }, now))).toBe('2026-11-24T00:00:00.000Z');
    expect(iso(nextPeriodStart({ period: 'DAY', offset: 0 }, now))).toBe(
      '2026-11-25T00:00:00.000Z',
    );
  });

  it.each([
    // 2026-11-22 is a Sunday: offset 0 is Sunday, 1 is Monday.
    [0, '2026-11-25T12:00:00Z', '2026-11-22T00:00:00.000Z'],
    [1, '2026-11-25T12:00:00Z', '2026-11-23T00:00:00.000Z'],
    [1, '2026-11-22T23:59:59Z', '2026-11-16T00:00:00.000Z'],
    [1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00.000Z'],
    [6, '2026-11-22T08:00:00Z', '2026-11-21T00:00:00.000Z'],
  ])('a WEEK with offset %i at %s started %s and lasts 7 days', (offset, now, start) => {
    expect(iso(periodStart({ period: 'WEEK', offset }, at(now)))).toBe(start);
    expect(nextPeriodStart({ period: 'WEEK', offset }, at(now)) - at(start)).toBe(7 * 86_400_000);
  });

  it.each([
    [0, '2026-11-30T23:00:00Z', '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'],
    [0, '2026-12-31T23:59:59Z', '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    [14, '2026-11-10T00:00:00Z', '2026-10-15T00:00:00.000Z', '2026-11-15T00:00:00.000Z'],
    [14, '2026-11-15T00:00:00Z', '2026-11-15T00:00:00.000Z', '2026-12-15T00:00:00.000Z'],
    [27, '2027-02-27T10:00:00Z', '2027-01-28T00:00:00.000Z', '2027-02-28T00:00:00.000Z'],
  ])(
    'a MONTH with offset %i (0 = the 1st) at %s runs from %s to %s',
    (offset, now, start, next) => {
      expect(iso(periodStart({ period: 'MONTH', offset }, at(now)))).toBe(start);
      expect(iso(nextPeriodStart({ period: 'MONTH', offset }, at(now)))).toBe(next);
    },
  );

  it('reads QuotaSettings, defaulting the offset and refusing what it cannot use', () => {
    expect(quotaOf({ limit: 1000, period: 'DAY' })).toEqual({
      limit: 1000,
      period: 'DAY',
      offset: 0,
    });
    expect(quotaOf(undefined)).toBeUndefined();
    expect(quotaOf({ limit: 5, period: 'YEAR' })).toBeUndefined();
  });
});
