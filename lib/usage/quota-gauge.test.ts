import { describe, expect, it } from 'vitest';
import { formatUtc } from '../format/utc';
import { quotaGauge } from './quota-gauge';
import { usageReportSchema } from './usage-report';

const report = (startDate: string, endDate: string, items: object) =>
  usageReportSchema.parse({ usagePlanId: 'p', startDate, endDate, items });

describe('quota gauge for the current period', () => {
  it('adds up a MONTH from its first day and says when it resets', () => {
    // Usage before the 1st belongs to the previous month and does not count.
    const usage = report('2026-04-29', '2026-05-03', {
      k: [
        [40, 60],
        [10, 50],
        [3, 97],
        [0, 97],
        [5, 92],
      ],
    });
    const gauge = quotaGauge(
      { limit: 100, period: 'MONTH', offset: 0 },
      usage,
      'k',
      Date.parse('2026-05-03T18:00:00Z'),
    );
    expect(gauge).toEqual({
      limit: 100,
      used: 8,
      remaining: 92,
      percent: 8,
      periodStart: '2026-05-01',
      resetsAt: '2026-06-01T00:00:00.000Z',
    });
    expect(formatUtc(gauge.resetsAt)).toBe('2026-06-01 00:00 UTC');
  });

  it('starts a WEEK with offset 1 on Monday', () => {
    // 2026-05-03 is a Sunday, so the week that started on Monday 2026-04-27 is still running.
    const usage = report('2026-04-26', '2026-05-03', {
      k: [
        [9, 0],
        [1, 0],
        [1, 0],
        [1, 0],
        [1, 0],
        [1, 0],
        [1, 0],
        [1, 3],
      ],
    });
    const gauge = quotaGauge(
      { limit: 10, period: 'WEEK', offset: 1 },
      usage,
      'k',
      Date.parse('2026-05-03T10:00:00Z'),
    );
    expect(gauge).toMatchObject({
      used: 7,
      remaining: 3,
      periodStart: '2026-04-27',
      resetsAt: '2026-05-04T00:00:00.000Z',
    });
    expect(gauge.percent).toBe(70);
  });

  it('takes remaining from GetUsage, which counts a grant made with UpdateUsage', () => {
    const usage = report('2026-05-03', '2026-05-03', { k: [[900, 600]] });
    const gauge = quotaGauge(
      { limit: 1000, period: 'DAY', offset: 0 },
      usage,
      'k',
      Date.parse('2026-05-03T10:00:00Z'),
    );
    expect(gauge).toMatchObject({
      used: 900,
      remaining: 600,
      percent: 60,
      resetsAt: '2026-05-04T00:00:00.000Z',
    });
  });

  it('falls back to limit less used when the report has nothing for the key', () => {
    const usage = report('2026-05-03', '2026-05-03', {});
    const gauge = quotaGauge(
      { limit: 1000, period: 'DAY', offset: 0 },
      usage,
      'k',
      Date.parse('2026-05-03T10:00:00Z'),
    );
    expect(gauge).toMatchObject({ used: 0, remaining: 1000, percent: 0 });
  });
});
