import { z } from 'zod';
import { audienceIdSchema } from '../audiences/audience';
import { customerSubSchema } from '../usage/customer-param';

const audienceName = z
  .string()
  .trim()
  .min(2, 'Give the audience a name of at least 2 characters.')
  .max(80, 'An audience name has at most 80 characters.');

export const audienceInput = z.object({ id: audienceIdSchema, name: audienceName });

export const audienceMemberInput = z.object({
  id: audienceIdSchema,
  email: z.email('Enter the customer’s email address.').trim().toLowerCase(),
});

export const audienceRemovalInput = z.object({ id: audienceIdSchema, sub: customerSubSchema });
