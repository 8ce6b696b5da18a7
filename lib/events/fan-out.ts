import { findUserBySub } from '../admin/cognito-users';
import { enqueueMail } from '../mail/mail-jobs';
import { notifyCustomer } from '../store/notifications';
import { enqueueDelivery } from '../webhooks/deliveries';
import { listEndpoints } from '../webhooks/endpoints';
import type { EventDeps } from './deps';
import { mailFor } from './event-mail';
import { portalEventSchema, type PortalEvent } from './event-types';
import { finishJob, type JobKey } from './outbox';
import { tellAdmins } from './tell-admins';

/**
 * An event leaves the outbox as the jobs it causes: one delivery per subscribed endpoint (a
 * paused one holds it until it is resumed), the mail it sends, and (for quota thresholds,
 * which no use case reports) a notification in the portal. Each job has a key derived from the
 * event, so running this twice adds nothing.
 */
export async function fanOut(deps: EventDeps, key: JobKey, item: Record<string, unknown>) {
  const event = portalEventSchema.parse(item.event);
  for (const endpoint of await listEndpoints(deps)) {
    if (endpoint.eventTypes.includes(event.type)) await enqueueDelivery(deps, endpoint, event);
  }
  if (event.type === 'quota.threshold') {
    await notifyCustomer(deps, event.customerSub, {
      tone: 'warning',
      message: `You have used ${event.details.threshold}% of your ${event.details.planName} quota for this period.`,
    });
  }
  await queueMail(deps, event);
  await finishJob(deps, key, { state: 'done' });
}

async function queueMail(deps: EventDeps, event: PortalEvent): Promise<void> {
  const planned = mailFor(event);
  if (!planned) return;
  if (planned.to === 'admins') {
    return tellAdmins(
      deps,
      planned.mail.template === 'upgrade-requested'
        ? `${event.actor.email} asked for the ${event.details.planName} plan.`
        : event.type,
      planned.mail,
      event.id,
    );
  }
  const to = await customerEmail(deps, event);
  if (!to) return;
  await enqueueMail(deps, event.id, { to, customerSub: event.customerSub, mail: planned.mail });
}

async function customerEmail(deps: EventDeps, event: PortalEvent): Promise<string | undefined> {
  if (event.actor.sub === event.customerSub) return event.actor.email;
  if (event.details.email) return event.details.email;
  return (await findUserBySub(deps, event.customerSub))?.email;
}
