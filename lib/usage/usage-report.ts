import { z } from 'zod';
import { utcDaySchema } from './utc-day-schema';

const count = z.number().int().nonnegative();

/**
 * One GetUsage answer, merged over its pages: for each key, one `[used, remaining]` pair per
 * UTC day from `startDate` to `endDate`. `used` is the requests that day; `remaining` is what
 * was left of the key's quota at the end of that day (0 for a plan without a quota). The wire
 * calls the map `values`; the SDK hands it over as `items`.
 */
export const usageReportSchema = z.object({
  usagePlanId: z.string().min(1),
  startDate: utcDaySchema,
  endDate: utcDaySchema,
  items: z.record(z.string(), z.array(z.tuple([count, count]))).default({}),
});

export type UsageReport = z.infer<typeof usageReportSchema>;
