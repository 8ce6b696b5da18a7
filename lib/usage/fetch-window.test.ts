import { describe, expect, it } from 'vitest';
import { fetchWindow } from './fetch-window';

const now = Date.parse('2026-05-10T12:00:00Z');

describe('the days one GetUsage call per plan asks for', () => {
  it('is the range alone for a plan without a quota', () => {
    expect(fetchWindow({ start: '2026-05-04', end: '2026-05-10' }, undefined, now)).toEqual({
      start: '2026-05-04',
      end: '2026-05-10',
    });
  });

  it('reaches back to the start of the quota period for the gauge', () => {
    const quota = { limit: 100, period: 'MONTH' as const, offset: 0 };
    expect(fetchWindow({ start: '2026-05-04', end: '2026-05-10' }, quota, now)).toEqual({
      start: '2026-05-01',
      end: '2026-05-10',
    });
  });

  it('reaches on to today when a custom range ended earlier', () => {
    const quota = { limit: 100, period: 'DAY' as const, offset: 0 };
    expect(fetchWindow({ start: '2026-03-01', end: '2026-03-31' }, quota, now)).toEqual({
      start: '2026-03-01',
      end: '2026-05-10',
    });
  });
});
