import { z } from 'zod';

/** When a plan has no thresholds of its own: warn at 80%, tell at 100%. */
export const defaultThresholds = [80, 100];

/** An admin's list, "80, 100": whole percentages 1–100, at most five, no repeats. */
export const thresholdsSchema = z
  .string()
  .trim()
  .min(1, 'Give at least one percentage, like 80, 100.')
  .transform((text) => text.split(/[\s,]+/).filter(Boolean))
  .pipe(
    z
      .array(
        z
          .string()
          .transform(Number)
          .pipe(z.number({ error: 'Thresholds are whole percentages, like 80, 100.' }))
          .refine(Number.isInteger, 'Thresholds are whole percentages, like 80, 100.')
          .refine((value) => value >= 1 && value <= 100, 'Thresholds run from 1 to 100.'),
      )
      .max(5, 'Five thresholds at most.'),
  )
  .transform((values) => [...new Set(values)].sort((a, b) => a - b));

/**
 * The thresholds to announce now: those the usage has reached and that were not announced
 * this period. Only the highest is returned when several are crossed at once (a jump from 50%
 * to 100% says "100%", not "80%" then "100%"), and the lower ones count as announced.
 */
export function thresholdsToAnnounce(
  thresholds: readonly number[],
  percent: number,
  announced: readonly number[],
): { announce?: number; settle: number[] } {
  const reached = thresholds.filter((threshold) => percent >= threshold);
  const fresh = reached.filter((threshold) => !announced.includes(threshold));
  if (fresh.length === 0) return { settle: [] };
  return { announce: Math.max(...fresh), settle: fresh };
}
