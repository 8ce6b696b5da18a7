import { z } from 'zod';
import type { AuditEntry } from '../store/audit';

/** What webhook endpoints can subscribe to (the names providers see in payloads). */
export const eventTypeSchema = z.enum([
  'account.created',
  'account.disabled',
  'subscription.created',
  'subscription.moved',
  'subscription.removed',
  'upgrade.requested',
  'upgrade.approved',
  'upgrade.declined',
  'upgrade.offered',
  'upgrade.accepted',
  'upgrade.refused',
  'key.created',
  'key.rotated',
  'key.disabled',
  'key.enabled',
  'quota.threshold',
]);

export type EventType = z.infer<typeof eventTypeSchema>;
export const eventTypes = eventTypeSchema.options;

/**
 * The audit trail is the one source of events: each audited action that matters outside the
 * portal has a public event name. Actions missing here (key.revealed, plan edits, …) stay
 * internal.
 */
const fromAudit: Partial<Record<AuditEntry['action'], EventType>> = {
  'account.created': 'account.created',
  'account.invited': 'account.created',
  'account.disabled': 'account.disabled',
  'subscription.added': 'subscription.created',
  'subscription.moved': 'subscription.moved',
  'subscription.removed': 'subscription.removed',
  'request.created': 'upgrade.requested',
  'request.approved': 'upgrade.approved',
  'request.rejected': 'upgrade.declined',
  // An admin offers a plan; the customer accepts it, or refuses it (`upgrade.declined` stays
  // an admin turning a customer's request down).
  'request.offered': 'upgrade.offered',
  'request.accepted': 'upgrade.accepted',
  'request.declined': 'upgrade.refused',
  'key.created': 'key.created',
  'key.rotated': 'key.rotated',
  'key.disabled': 'key.disabled',
  'key.enabled': 'key.enabled',
  'quota.threshold': 'quota.threshold',
};

export function eventTypeOf(action: AuditEntry['action']): EventType | undefined {
  return fromAudit[action];
}

export const portalEventSchema = z.object({
  /** `msg_…`: the webhook-id, stable across retries (no dots, as the specification asks). */
  id: z.string().regex(/^msg_[A-Za-z0-9]+$/),
  type: eventTypeSchema,
  at: z.number(),
  customerSub: z.string(),
  actor: z.object({ sub: z.string(), email: z.string() }),
  details: z.record(z.string(), z.string()),
});

export type PortalEvent = z.infer<typeof portalEventSchema>;

const actorKind = (event: PortalEvent) =>
  event.actor.sub === event.customerSub
    ? 'customer'
    : event.actor.sub === 'portico'
      ? 'portal'
      : 'admin';

/** The Standard Webhooks payload: thin, ids and the change itself, never key values. */
export function webhookPayload(event: PortalEvent): string {
  return JSON.stringify({
    type: event.type,
    timestamp: new Date(event.at).toISOString(),
    data: {
      customerId: event.customerSub,
      actor: actorKind(event),
      ...event.details,
    },
  });
}
