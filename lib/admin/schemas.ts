import { z } from 'zod';
import { customerSubSchema } from '../usage/customer-param';

/** Ids of API Gateway resources (keys, plans, APIs): short alphanumerics. */
export const gatewayIdSchema = z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'That id is not valid.');

export const reasonSchema = z
  .string()
  .trim()
  .min(3, 'Give a reason (at least 3 characters): the customer is shown it.')
  .max(300, 'Keep the reason under 300 characters.');

const customer = z.object({ sub: customerSubSchema });

export const keyToggleInput = customer.extend({
  keyId: gatewayIdSchema,
  enabled: z.enum(['true', 'false']).transform((value) => value === 'true'),
  reason: reasonSchema,
});

export const customerPlanInput = customer.extend({ planId: gatewayIdSchema });

export const customerOnlyInput = customer;

export const adminRoleInput = customer.extend({
  makeAdmin: z.enum(['true', 'false']).transform((value) => value === 'true'),
});

export const closeAccountInput = customer.extend({
  change: z.enum(['disable', 'delete']),
  reason: reasonSchema,
});

export const planIdInput = z.object({ planId: gatewayIdSchema });

/** A published API stage as `restApiId:stage`. */
export const apiStageInput = z.object({
  apiStage: z
    .string()
    .regex(/^[A-Za-z0-9]{1,64}:[\w-]{1,128}$/, 'Choose one of the published APIs.'),
});

export const inviteInput = z.object({
  email: z
    .email('Enter an email address.')
    .max(254)
    .transform((email) => email.toLowerCase()),
  asAdmin: z.literal('on').optional(),
});
