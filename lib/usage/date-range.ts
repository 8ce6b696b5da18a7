import { z } from 'zod';
import { utcDaySchema } from './utc-day-schema';
import { addDays, daysBetween, utcDay } from './utc-days';

export const presetDays = ['7', '30', '90'] as const;
export const maxRangeDays = 90;
/** Custom ranges start at most a year back, so one GetUsage call (≤ 366 days) still reaches today. */
export const oldestStartDays = 365;

export interface DateRange {
  preset: (typeof presetDays)[number] | 'custom';
  /** First and last UTC day shown, both included. */
  start: string;
  end: string;
  days: number;
}

const searchSchema = z.object({
  range: z.enum([...presetDays, 'custom']).default('30'),
  from: utcDaySchema.optional(),
  to: utcDaySchema.optional(),
});

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

export type RangeResult =
  { ok: true; range: DateRange } | { ok: false; error: string; range: DateRange };

/**
 * The range a usage page shows, from its search params: `range=7|30|90` (the last N UTC days,
 * today included) or `range=custom&from=YYYY-MM-DD&to=YYYY-MM-DD`. Anything invalid falls back
 * to the last 30 days with a message the page shows.
 */
export function parseDateRange(
  params: Record<string, string | string[] | undefined>,
  now: number,
): RangeResult {
  const today = utcDay(now);
  const fallback = lastDays(30, today);
  const parsed = searchSchema.safeParse({
    range: first(params.range) || undefined,
    from: first(params.from) || undefined,
    to: first(params.to) || undefined,
  });
  if (!parsed.success) {
    return { ok: false, error: describe(parsed.error), range: fallback };
  }
  const { range, from, to } = parsed.data;
  if (range !== 'custom') return { ok: true, range: lastDays(Number(range), today) };
  const error = customRangeError(from, to, today);
  if (error || !from || !to)
    return { ok: false, error: error ?? 'Choose both dates', range: fallback };
  return {
    ok: true,
    range: { preset: 'custom', start: from, end: to, days: daysBetween(from, to) + 1 },
  };
}

function customRangeError(from: string | undefined, to: string | undefined, today: string) {
  if (!from || !to) return 'Choose both a start and an end date';
  if (to < from) return 'The end date is before the start date';
  if (to > today) return 'The end date is in the future';
  if (daysBetween(from, to) + 1 > maxRangeDays) return `Choose at most ${maxRangeDays} days`;
  if (daysBetween(from, today) > oldestStartDays) return 'Choose a start date within the last year';
  return undefined;
}

function lastDays(days: number, today: string): DateRange {
  return {
    preset: String(days) as DateRange['preset'],
    start: addDays(today, -(days - 1)),
    end: today,
    days,
  };
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid date range';
  const field = issue.path.join('.');
  return field === 'range'
    ? 'Choose 7, 30 or 90 days, or a custom range'
    : `Invalid ${field}: ${issue.message}`;
}
