import { describe, expect, it } from 'vitest';
import { dailySeries } from './series';
import { usageReportSchema } from './usage-report';

const bronze = { id: 'p-bronze', name: 'Bronze' };
const silver = { id: 'p-silver', name: 'Silver' };

const report = (usagePlanId: string, startDate: string, endDate: string, items: object) =>
  usageReportSchema.parse({ usagePlanId, startDate, endDate, items });

describe('GetUsage → requests per UTC day', () => {
  it('takes `used` (the first of each pair), not `remaining`, and fills missing days with zero', () => {
    const series = dailySeries(
      [
        {
          plan: bronze,
          report: report('p-bronze', '2026-05-02', '2026-05-03', {
            k1: [
              [3, 997],
              [0, 1000],
            ],
          }),
        },
      ],
      '2026-05-01',
      '2026-05-05',
    );
    expect(series.points).toEqual([
      { date: '2026-05-01', byPlan: { 'p-bronze': 0 }, total: 0 },
      { date: '2026-05-02', byPlan: { 'p-bronze': 3 }, total: 3 },
      { date: '2026-05-03', byPlan: { 'p-bronze': 0 }, total: 0 },
      { date: '2026-05-04', byPlan: { 'p-bronze': 0 }, total: 0 },
      { date: '2026-05-05', byPlan: { 'p-bronze': 0 }, total: 0 },
    ]);
    expect(series.totals).toEqual({ byPlan: { 'p-bronze': 3 }, total: 3 });
  });

  it('drops days of a wider report outside the range (a report fetched from the quota period start)', () => {
    const series = dailySeries(
      [
        {
          plan: silver,
          report: report('p-silver', '2026-05-01', '2026-05-04', {
            k1: [
              [9, 1],
              [1, 0],
              [2, 0],
              [4, 0],
            ],
          }),
        },
      ],
      '2026-05-03',
      '2026-05-04',
    );
    expect(series.points.map((point) => [point.date, point.total])).toEqual([
      ['2026-05-03', 2],
      ['2026-05-04', 4],
    ]);
  });

  it('keeps each plan of a tier move and adds up a rotated key with its successor', () => {
    const series = dailySeries(
      [
        {
          plan: bronze,
          report: report('p-bronze', '2026-05-01', '2026-05-03', {
            old: [
              [5, 995],
              [2, 998],
              [0, 1000],
            ],
          }),
        },
        {
          plan: silver,
          report: report('p-silver', '2026-05-01', '2026-05-03', {
            old: [
              [0, 100],
              [0, 100],
              [7, 93],
            ],
            new: [
              [0, 100],
              [0, 100],
              [1, 99],
            ],
            stranger: [
              [50, 50],
              [50, 0],
              [0, 0],
            ],
          }),
          keyIds: ['old', 'new'],
        },
      ],
      '2026-05-01',
      '2026-05-03',
    );
    expect(series.plans).toEqual([bronze, silver]);
    expect(series.points).toEqual([
      { date: '2026-05-01', byPlan: { 'p-bronze': 5, 'p-silver': 0 }, total: 5 },
      { date: '2026-05-02', byPlan: { 'p-bronze': 2, 'p-silver': 0 }, total: 2 },
      { date: '2026-05-03', byPlan: { 'p-bronze': 0, 'p-silver': 8 }, total: 8 },
    ]);
    expect(series.totals).toEqual({ byPlan: { 'p-bronze': 7, 'p-silver': 8 }, total: 15 });
  });

  it('shows an empty range as zero days rather than nothing', () => {
    const series = dailySeries([], '2026-02-27', '2026-03-01');
    expect(series.points.map((point) => point.date)).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
    ]);
    expect(series.totals.total).toBe(0);
  });

  it('refuses a report whose pairs are not [used, remaining] counts', () => {
    expect(() => report('p', '2026-05-01', '2026-05-01', { k: [[1]] })).toThrow();
    expect(() => report('p', '2026-02-30', '2026-03-01', {})).toThrow();
  });
});
