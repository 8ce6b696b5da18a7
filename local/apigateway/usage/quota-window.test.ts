import { describe, expect, it } from 'vitest';
import { nextPeriodStart, periodStart, utcDay } from './quota-window';

const at = (iso: string) => Date.parse(iso);
const day = (ms: number) => new Date(ms).toISOString();

describe('quota periods (UTC)', () => {
  it('a DAY runs from midnight to midnight UTC', () => {
    const now = at('2026-11-23T23:59:59.999Z');
    expect(day(periodStart({ period: 'DAY', offset: 0 }, now))).toBe('2026-11-23T00:00:00.000Z');
    expect(day(nextPeriodStart({ period: 'DAY', offset: 0 }, now))).toBe(
      '2026-11-24T00:00:00.000Z',
    );
  });

  it.each([
    // 2026-11-22 is a Sunday.
    [0, '2026-11-22T00:00:00.000Z', '2026-11-25T12:00:00Z'],
    [1, '2026-11-23T00:00:00.000Z', '2026-11-25T12:00:00Z'],
    [1, '2026-11-16T00:00:00.000Z', '2026-11-22T23:59:59Z'],
    [6, '2026-11-21T00:00:00.000Z', '2026-11-22T08:00:00Z'],
  ])('a WEEK with offset %i (0 = Sunday) started at %s for %s', (offset, expected, now) => {
    expect(day(periodStart({ period: 'WEEK', offset }, at(now)))).toBe(expected);
    expect(nextPeriodStart({ period: 'WEEK', offset }, at(now)) - at(expected)).toBe(
      7 * 86_400_000,
    );
  });

  it.each([
    [0, '2026-11-30T23:00:00Z', '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'],
    [0, '2026-12-01T00:00:00Z', '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    [14, '2026-11-10T00:00:00Z', '2026-10-15T00:00:00.000Z', '2026-11-15T00:00:00.000Z'],
    [14, '2026-12-31T10:00:00Z', '2026-12-15T00:00:00.000Z', '2027-01-15T00:00:00.000Z'],
    [27, '2027-02-27T10:00:00Z', '2027-01-28T00:00:00.000Z', '2027-02-28T00:00:00.000Z'],
  ])('a MONTH with offset %i at %s runs from %s to %s', (offset, now, start, next) => {
    expect(day(periodStart({ period: 'MONTH', offset }, at(now)))).toBe(start);
    expect(day(nextPeriodStart({ period: 'MONTH', offset }, at(now)))).toBe(next);
  });

  it('names UTC days, not local ones', () => {
    expect(utcDay(at('2026-11-23T23:30:00-05:00'))).toBe('2026-11-24');
  });
});
