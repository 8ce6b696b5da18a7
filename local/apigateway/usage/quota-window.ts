import type { QuotaSettings } from '../model/types';

export const dayMs = 86_400_000;

/** `YYYY-MM-DD` of the UTC day containing `ms`. */
export const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const startOfUtcDay = (ms: number) => ms - (((ms % dayMs) + dayMs) % dayMs);

/**
 * Start (ms) of the quota period containing `ms`. Periods are UTC and `offset` is the day a
 * period starts, as QuotaSettings defines it: WEEK 0 = Sunday, 1 = Monday...; MONTH 0 = the
 * 1st, 1 = the 2nd...; DAY takes no offset.
 */
export function periodStart(quota: Pick<QuotaSettings, 'period' | 'offset'>, ms: number): number {
  const today = startOfUtcDay(ms);
  const date = new Date(today);
  switch (quota.period) {
    case 'DAY':
      return today;
    case 'WEEK': {
      const daysSinceStart = (date.getUTCDay() - quota.offset + 7) % 7;
      return today - daysSinceStart * dayMs;
    }
    case 'MONTH': {
      const startDay = 1 + quota.offset;
      const monthsBack = date.getUTCDate() >= startDay ? 0 : 1;
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - monthsBack, startDay);
    }
  }
}

/** Start (ms) of the period after the one containing `ms`: when the quota resets. */
export function nextPeriodStart(
  quota: Pick<QuotaSettings, 'period' | 'offset'>,
  ms: number,
): number {
  const start = periodStart(quota, ms);
  switch (quota.period) {
    case 'DAY':
      return start + dayMs;
    case 'WEEK':
      return start + 7 * dayMs;
    case 'MONTH': {
      const date = new Date(start);
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
    }
  }
}
