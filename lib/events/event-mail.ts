import type { MailInput } from '../mail/templates';
import type { PortalEvent } from './event-types';

/**
 * Which mail an event sends, and to whom. Pure, so each rule is tested on its own. `customer`
 * mail goes to the account the event concerns; `admins` mail to every admin.
 */
export function mailFor(
  event: PortalEvent,
): { to: 'customer' | 'admins'; mail: MailInput } | undefined {
  const d = event.details;
  switch (event.type) {
    case 'upgrade.requested':
      return {
        to: 'admins',
        mail: {
          template: 'upgrade-requested',
          customerEmail: event.actor.email,
          planName: d.planName ?? '',
        },
      };
    case 'upgrade.approved':
      return { to: 'customer', mail: { template: 'upgrade-approved', planName: d.planName ?? '' } };
    case 'upgrade.declined':
      return {
        to: 'customer',
        mail: { template: 'upgrade-declined', planName: d.planName ?? '', reason: d.reason },
      };
    case 'upgrade.offered':
      return { to: 'customer', mail: { template: 'upgrade-offered', planName: d.planName ?? '' } };
    case 'key.rotated':
      return {
        to: 'customer',
        mail: { template: 'key-rotated', oldKeyWorksUntil: d.oldKeyWorksUntil ?? 'soon' },
      };
    case 'key.disabled':
      return { to: 'customer', mail: { template: 'key-disabled', reason: d.reason } };
    case 'key.enabled':
      return { to: 'customer', mail: { template: 'key-enabled' } };
    case 'quota.threshold':
      return {
        to: 'customer',
        mail: {
          template: 'quota-threshold',
          planName: d.planName ?? '',
          threshold: Number(d.threshold),
          used: Number(d.used),
          limit: Number(d.limit),
          resetsAt: d.resetsAt ?? '',
        },
      };
    case 'account.created':
      return d.invited === 'true' && d.email
        ? { to: 'customer', mail: { template: 'invitation', email: d.email } }
        : undefined;
    default:
      return undefined;
  }
}
