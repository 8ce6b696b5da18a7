import { z } from 'zod';
import type { PasswordPolicy } from './password-policy';

/** What DescribeUserPool's password policy must look like to be used (server side). */
export const passwordPolicySchema = z.object({
  minimumLength: z.number().int().min(6).max(99),
  requireUppercase: z.boolean(),
  requireLowercase: z.boolean(),
  requireNumbers: z.boolean(),
  requireSymbols: z.boolean(),
}) satisfies z.ZodType<PasswordPolicy>;
