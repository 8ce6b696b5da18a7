import { describe, expect, it } from 'vitest';
import { parseDateRange } from './date-range';

const now = Date.parse('2026-05-10T23:30:00Z');

describe('usage date ranges', () => {
  it('defaults to the last 30 UTC days, today included', () => {
    expect(parseDateRange({}, now)).toEqual({
      ok: true,
      range: { preset: '30', start: '2026-04-11', end: '2026-05-10', days: 30 },
    });
  });

  it.each([
    ['7', '2026-05-04'],
    ['90', '2026-02-10'],
  ])('offers the last %s days', (range, start) => {
    expect(parseDateRange({ range }, now)).toMatchObject({
      ok: true,
      range: { start, end: '2026-05-10' },
    });
  });

  it('uses UTC days, not the server time zone', () => {
    const lateInNewYork = Date.parse('2026-05-10T21:00:00-05:00');
    expect(parseDateRange({ range: '7' }, lateInNewYork)).toMatchObject({
      range: { end: '2026-05-11' },
    });
  });

  it('accepts a custom range of at most 90 days', () => {
    expect(parseDateRange({ range: 'custom', from: '2026-02-10', to: '2026-05-10' }, now)).toEqual({
      ok: true,
      range: { preset: 'custom', start: '2026-02-10', end: '2026-05-10', days: 90 },
    });
  });

  it.each([
    [{ range: 'custom', from: '2026-02-09', to: '2026-05-10' }, 'Choose at most 90 days'],
    [
      { range: 'custom', from: '2026-05-05', to: '2026-05-01' },
      'The end date is before the start date',
    ],
    [{ range: 'custom', from: '2026-05-05', to: '2026-05-11' }, 'The end date is in the future'],
    [
      { range: 'custom', from: '2025-05-09', to: '2025-05-10' },
      'Choose a start date within the last year',
    ],
    [{ range: 'custom', from: '2026-05-05' }, 'Choose both a start and an end date'],
    [
      { range: 'custom', from: '2026-02-30', to: '2026-03-02' },
      'Invalid from: not a calendar date',
    ],
    [{ range: '14' }, 'Choose 7, 30 or 90 days, or a custom range'],
  ])('refuses %o with "%s" and falls back to 30 days', (params, error) => {
    expect(parseDateRange(params, now)).toEqual({
      ok: false,
      error,
      range: { preset: '30', start: '2026-04-11', end: '2026-05-10', days: 30 },
    });
  });

  it('reads the first of repeated params', () => {
    expect(parseDateRange({ range: ['7', '90'] }, now)).toMatchObject({ range: { days: 7 } });
  });
});
