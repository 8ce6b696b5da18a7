import { z } from 'zod';
import { customerSubSchema } from '../usage/customer-param';
import { gatewayIdSchema } from './gateway-ids';

export const requestInput = z.object({ requestId: z.uuid() });

/** An admin's decision names the customer too: requests are stored per customer. */
export const decisionInput = requestInput.extend({ customerSub: customerSubSchema });

export const rejectionInput = decisionInput.extend({
  reason: z.string().trim().min(3, 'Give the customer a reason (at least 3 characters).').max(500),
});

/** "Offer upgrade": the customer (from the usage page's list) and the plan offered. */
export const offerInput = z.object({
  customerSub: customerSubSchema,
  planId: z.string().min(1, 'Choose a plan to offer.').pipe(gatewayIdSchema),
});
