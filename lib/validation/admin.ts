import { z } from 'zod';
import { customerSubSchema } from '../usage/customer-param';
import { gatewayIdSchema } from './gateway-ids';

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

/** The dry run and the import share one form: `intent` says which button was pressed. */
export const keyImportInput = z.object({
  intent: z.enum(['preview', 'import']),
  csv: z
    .string()
    .min(1, 'Paste the CSV or choose a file first.')
    .max(1_000_000, 'The file is over 1 MB: split it into smaller files.'),
});

/** How many keys one bulk disable may name (the keys page shows at most this many). */
export const maxBulkKeys = 500;

export const bulkDisableInput = z.object({
  keyIds: z
    .array(gatewayIdSchema)
    .min(1, 'Choose at least one key.')
    .max(maxBulkKeys, `Choose at most ${maxBulkKeys} keys at a time.`),
  reason: reasonSchema,
});

/** Each ticked key arrives as its own `keyId` field. */
export const bulkDisableFields = (form: FormData): unknown => ({
  keyIds: form.getAll('keyId'),
  reason: form.get('reason'),
});
