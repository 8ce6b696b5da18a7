import { z } from 'zod';
import { utcDay } from './utc-days';

/** A UTC calendar day as GetUsage names it: `YYYY-MM-DD`. */
export const utcDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((day) => utcDay(Date.parse(`${day}T00:00:00Z`)) === day, 'not a calendar date');
