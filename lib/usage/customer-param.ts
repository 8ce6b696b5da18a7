import { z } from 'zod';

/** A customer id in an admin URL: a Cognito `sub` (a UUID), nothing that could reshape a query. */
export const customerSubSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\w-]+$/, 'not a customer id');
