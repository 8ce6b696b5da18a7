import type { AuditEntry } from '../store/audit';
import { eventTypeOf, type PortalEvent } from './event-types';
import { enqueueJob, newMessageId, type OutboxDeps } from './outbox';

/**
 * Called by `recordAudit` for every audited change: the change's public event goes into the
 * outbox in the same breath, to be fanned out to webhooks and mail by the outbox worker.
 * (dynalite has no transactions, so this is a second conditional write, made right after the
 * audit entry; the worker is what makes delivery reliable.)
 */
export async function recordEvent(
  deps: OutboxDeps,
  entry: AuditEntry,
): Promise<PortalEvent | undefined> {
  const type = eventTypeOf(entry.action);
  if (!type) return undefined;
  const event: PortalEvent = {
    id: newMessageId(),
    type,
    at: entry.at,
    customerSub: entry.customerSub,
    actor: entry.actor,
    // An invitation is how an admin creates an account; receivers may want to tell them apart.
    details:
      entry.action === 'account.invited' ? { ...entry.details, invited: 'true' } : entry.details,
  };
  await enqueueJob(deps, { pk: `EVENT#${event.id}`, sk: 'EVENT' }, { kind: 'event', event });
  return event;
}
