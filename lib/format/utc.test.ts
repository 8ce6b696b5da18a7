import { describe, expect, it } from 'vitest';
import { formatUtc } from './utc';

describe('formatUtc', () => {
  it('writes an instant to the minute in UTC, whatever it is given', () => {
    const ms = Date.UTC(2026, 11, 2, 6, 27, 59, 999);
    expect(formatUtc(ms)).toBe('2026-12-02 06:27 UTC');
    expect(formatUtc(new Date(ms))).toBe('2026-12-02 06:27 UTC');
    expect(formatUtc('2026-12-02T08:27:00+02:00')).toBe('2026-12-02 06:27 UTC');
  });

  it('throws on an instant that is not one, rather than printing "Invalid Date"', () => {
    expect(() => formatUtc(Number.NaN)).toThrow(RangeError);
  });
});
