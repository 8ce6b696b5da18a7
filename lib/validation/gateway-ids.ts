import { z } from 'zod';

/**
 * Ids of API Gateway resources (keys, plans, APIs): short alphanumerics. The one rule for a
 * plan id, whoever sends it.
 */
export const gatewayIdSchema = z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'That id is not valid.');

export const planInput = z.object({ planId: gatewayIdSchema });
