import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { eventTypeSchema, webhookPayload, type PortalEvent } from '../events/event-types';
import { enqueueJob, retryJob, type OutboxDeps } from '../events/outbox';
import type { Endpoint } from './endpoints';

/** `held`: not sent because the endpoint is paused; resuming it sends it (./held.ts). */
export const deliveryStateSchema = z.enum(['pending', 'held', 'delivered', 'failed']);

export const deliverySchema = z.object({
  pk: z.string(),
  sk: z.string(),
  endpointId: z.string(),
  eventId: z.string(),
  eventType: eventTypeSchema,
  body: z.string(),
  createdAt: z.number(),
  state: deliveryStateSchema,
  attempts: z.number(),
  lastAttemptAt: z.number().optional(),
  responseCode: z.number().optional(),
  latencyMs: z.number().optional(),
  error: z.string().optional(),
  heldAt: z.number().optional(),
});

export type Delivery = z.infer<typeof deliverySchema>;

/** Deliveries live with their endpoint, newest first by event time. */
export const deliveryKey = (endpointId: string, event: Pick<PortalEvent, 'id' | 'at'>) => ({
  pk: `WEBHOOK#${endpointId}`,
  sk: `DELIVERY#${new Date(event.at).toISOString()}#${event.id}`,
});

/** One pending delivery of the event to the endpoint; a second fan-out adds nothing. */
export async function enqueueDelivery(
  deps: OutboxDeps,
  endpoint: Endpoint,
  event: PortalEvent,
): Promise<void> {
  await enqueueJob(deps, deliveryKey(endpoint.id, event), {
    kind: 'delivery',
    endpointId: endpoint.id,
    eventId: event.id,
    eventType: event.type,
    body: webhookPayload(event),
    createdAt: deps.now(),
    state: 'pending',
    attempts: 0,
  });
}

export async function listDeliveries(
  deps: OutboxDeps,
  endpointId: string,
  limit = 50,
): Promise<Delivery[]> {
  const result = await deps.dynamo.send(
    new QueryCommand({
      TableName: deps.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `WEBHOOK#${endpointId}`, ':prefix': 'DELIVERY#' },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return z.array(deliverySchema).parse(result.Items ?? []);
}

/**
 * Sends a delivery again now, with a fresh 24 h of retries (an admin's "resend", or after an
 * endpoint is resumed). The webhook-id stays the same, so receivers can de-duplicate.
 */
export async function resendDelivery(
  deps: OutboxDeps,
  endpointId: string,
  sk: string,
): Promise<boolean> {
  const key = { pk: `WEBHOOK#${endpointId}`, sk };
  const found = await deps.dynamo.send(new GetCommand({ TableName: deps.tableName, Key: key }));
  if (!found.Item) return false;
  await retryJob(deps, key, deps.now(), {
    state: 'pending',
    attempts: 0,
    createdAt: deps.now(),
  });
  return true;
}
