import { z } from 'zod';
import { dayMs, startOfUtcDay } from './utc-days';

/** A usage plan's quota as the portal reads it from QuotaSettings. */
export const quotaSchema = z.object({
  limit: z.number().int().nonnegative(),
  period: z.enum(['DAY', 'WEEK', 'MONTH']),
  offset: z.number().int().nonnegative().default(0),
});

export type Quota = z.infer<typeof quotaSchema>;

/** A plan's QuotaSettings as a `Quota`, or undefined when the plan has none (or an odd one). */
export function quotaOf(settings: unknown): Quota | undefined {
  const parsed = quotaSchema.safeParse(settings);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Start (ms) of the quota period containing `ms`. Periods are UTC and `offset` is the day a
 * period starts, as QuotaSettings defines it: WEEK 0 = Sunday, 1 = Monday...; MONTH 0 = the
 * 1st, 1 = the 2nd...; DAY takes no offset. The same rule as the emulator's meter, kept here
 * because production code never imports `local/`.
 */
export function periodStart(quota: Pick<Quota, 'period' | 'offset'>, ms: number): number {
  const today = startOfUtcDay(ms);
  const date = new Date(today);
  switch (quota.period) {
    case 'DAY':
      return today;
    case 'WEEK':
      return today - ((date.getUTCDay() - quota.offset + 7) % 7) * dayMs;
    case 'MONTH': {
      const startDay = 1 + quota.offset;
      const monthsBack = date.getUTCDate() >= startDay ? 0 : 1;
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - monthsBack, startDay);
    }
  }
}

/** Start (ms) of the period after the one containing `ms`: when the quota resets. */
export function nextPeriodStart(quota: Pick<Quota, 'period' | 'offset'>, ms: number): number {
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
