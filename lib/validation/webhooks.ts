import { z } from 'zod';
import { eventTypeSchema } from '../events/event-types';

/** The admin's webhook forms; messages are shown as they are. */
export const endpointInput = z.object({
  url: z
    .string()
    .trim()
    .min(1, 'Enter the URL that should receive the events.')
    .max(2000, 'Keep the URL under 2,000 characters.'),
  description: z.string().trim().max(200, 'Keep the description under 200 characters.'),
  eventTypes: z
    .array(eventTypeSchema, { error: 'Choose event types from the list.' })
    .min(1, 'Choose at least one event type.'),
});

export const endpointIdInput = z.object({
  endpointId: z.uuid('That endpoint id is not valid.'),
});

export const endpointStateInput = endpointIdInput.extend({
  state: z.enum(['active', 'paused']),
});

export const resendInput = endpointIdInput.extend({
  delivery: z
    .string()
    .regex(/^DELIVERY#[0-9TZ:.-]+#msg_[A-Za-z0-9]+$/, 'That delivery is not valid.'),
});

/** The form's event types arrive joined by commas (see lib/webhooks/actions.ts). */
export const endpointFormInput = endpointInput.extend({
  eventTypes: z
    .string()
    .transform((joined) => joined.split(',').filter(Boolean))
    .pipe(endpointInput.shape.eventTypes),
});
