import { z } from 'zod';
import { planInput } from './gateway-ids';

const wholePercentages = 'Thresholds are whole percentages, like 80, 100.';

/** An admin's list, "80, 100": whole percentages 1–100, at most five, each once; sorted. */
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
          .pipe(z.number({ error: wholePercentages }))
          .refine(Number.isInteger, wholePercentages)
          .refine((value) => value >= 1 && value <= 100, 'Thresholds run from 1 to 100.'),
      )
      .max(5, 'Five thresholds at most.')
      .superRefine((values, context) => {
        const repeated = values.find((value, index) => values.indexOf(value) !== index);
        if (repeated !== undefined)
          context.addIssue({
            code: 'custom',
            message: `Give each threshold once: ${repeated} is there twice.`,
          });
      }),
  )
  .transform((values) => [...values].sort((a, b) => a - b));

/** The plans page's quota-alert form: one plan's thresholds. */
export const planThresholdsInput = planInput.extend({ thresholds: thresholdsSchema });
