import { describe, expect, it } from 'vitest';
import { mailFor } from './event-mail';
import { eventTypeOf, webhookPayload, type PortalEvent } from './event-types';

const event = (type: PortalEvent['type'], actorSub: string): PortalEvent => ({
  id: 'msg_abc',
  type,
  at: Date.UTC(2026, 11, 2),
  customerSub: 'customer-sub',
  actor: { sub: actorSub, email: 'someone@example.test' },
  details: { planName: 'Gold', requestId: 'r1' },
});

describe('upgrade offers as public events', () => {
  it('names the offer and the answers apart from requests and their decisions', () => {
    expect(eventTypeOf('request.offered')).toBe('upgrade.offered');
    expect(eventTypeOf('request.accepted')).toBe('upgrade.accepted');
    expect(eventTypeOf('request.declined')).toBe('upgrade.refused');
    expect(eventTypeOf('request.rejected')).toBe('upgrade.declined');
  });

  it('mails the customer an offer, and nobody the answer they gave themself', () => {
    expect(mailFor(event('upgrade.offered', 'admin-sub'))).toEqual({
      to: 'customer',
      mail: { template: 'upgrade-offered', planName: 'Gold' },
    });
    expect(mailFor(event('upgrade.accepted', 'customer-sub'))).toBeUndefined();
    expect(mailFor(event('upgrade.refused', 'customer-sub'))).toBeUndefined();
  });

  it('tells webhook receivers who acted', () => {
    expect(JSON.parse(webhookPayload(event('upgrade.offered', 'admin-sub')))).toMatchObject({
      type: 'upgrade.offered',
      data: { customerId: 'customer-sub', actor: 'admin', planName: 'Gold' },
    });
    expect(JSON.parse(webhookPayload(event('upgrade.accepted', 'customer-sub'))).data.actor).toBe(
      'customer',
    );
  });
});
