import type { DateRange } from './date-range';
import { periodStart, type Quota } from './quota-window';
import { utcDay } from './utc-days';

/**
 * The days to ask GetUsage for so that one call per plan answers both the chart (the range)
 * and the quota gauge (the current period up to today).
 */
export function fetchWindow(
  range: Pick<DateRange, 'start' | 'end'>,
  quota: Quota | undefined,
  now: number,
): { start: string; end: string } {
  if (!quota) return { start: range.start, end: range.end };
  const periodFirstDay = utcDay(periodStart(quota, now));
  const today = utcDay(now);
  return {
    start: periodFirstDay < range.start ? periodFirstDay : range.start,
    end: today > range.end ? today : range.end,
  };
}
