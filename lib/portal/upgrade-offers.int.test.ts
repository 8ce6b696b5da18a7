import { GetUsagePlansCommand } from '@aws-sdk/client-api-gateway';
import { AdminDisableUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { runOutbox } from '../events/run-outbox';
import { findCustomerKeys, plansOfKey } from '../gateway/customer-keys';
import { customerAudit } from '../store/audit';
import { recentNotifications } from '../store/notifications';
import { customerRequests, openRequests } from '../store/upgrade-requests';
import { testAdminDeps } from '../testing/admin-deps';
import { inboxFor, testEventDeps } from '../testing/event-deps';
import { newCustomer } from '../testing/portal-deps';
import { subscribe } from './subscriptions';
import { acceptOffer, declineOffer, offerUpgrade } from './upgrade-offers';
import { approveRequest, requestUpgrade, withdrawOpenRequest } from './upgrade-requests';

const deps = testAdminDeps();
const admin = { sub: 'admin-sub', email: 'admin@portico.local' };
const planIds: Record<string, string> = {};

beforeAll(async () => {
  const plans = await deps.apiGateway.send(new GetUsagePlansCommand({ limit: 500 }));
  for (const plan of plans.items ?? []) planIds[plan.name!] = plan.id!;
});

async function planNames(sub: string) {
  const [key] = await findCustomerKeys(deps.apiGateway, sub);
  return (await plansOfKey(deps.apiGateway, key!.id!)).map((plan) => plan.name);
}

async function onBronze() {
  const customer = await newCustomer();
  await subscribe(deps, customer, planIds.Bronze!);
  return customer;
}

describe('upgrade offers against the local stack', () => {
  it('an admin offers a plan; the customer is told and accepts, and their key moves', async () => {
    const customer = await onBronze();
    const offer = await offerUpgrade(deps, admin, customer.sub, planIds.Gold!);
    expect(offer).toMatchObject({
      status: 'offered',
      toPlanName: 'Gold',
      currentPlans: 'Bronze',
      customerEmail: customer.email,
      offeredBy: admin.email,
    });
    // An offer waits for the customer, not in the admins' approval queue.
    expect((await openRequests(deps)).map((open) => open.id)).not.toContain(offer.id);
    await expect(approveRequest(deps, admin, customer.sub, offer.id)).rejects.toThrow(
      /already been decided/,
    );
    await expect(offerUpgrade(deps, admin, customer.sub, planIds.Silver!)).rejects.toThrow(
      `${customer.email} already has an open request or offer: it has to be decided first.`,
    );
    await expect(requestUpgrade(deps, customer, planIds.Gold!)).rejects.toThrow(
      /already have an open upgrade request or offer/,
    );
    const [note] = await recentNotifications(deps, customer.sub);
    expect(note?.message).toBe(
      'You are offered the Gold plan. Accept or decline it under “Upgrade requests” on your dashboard.',
    );
    await runOutbox(testEventDeps());
    expect((await inboxFor(customer.email)).map((mail) => mail.subject)).toContain(
      'Portico: An upgrade to Gold is offered to you',
    );

    await acceptOffer(deps, customer, offer.id);
    expect(await planNames(customer.sub)).toEqual(['Gold']);
    const [closed] = await customerRequests(deps, customer.sub);
    expect(closed).toMatchObject({ id: offer.id, status: 'accepted', decidedBy: customer.email });
    expect((await recentNotifications(deps, customer.sub))[0]?.message).toBe(
      "You accepted the offer: your key now uses Gold's limits.",
    );
    const actions = (await customerAudit(deps, customer.sub)).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['request.offered', 'request.accepted']));
    await expect(acceptOffer(deps, customer, offer.id)).rejects.toThrow(
      'This offer has already been answered or withdrawn.',
    );
  });

  it('a declined offer leaves the plans as they were and frees the slot', async () => {
    const customer = await onBronze();
    const offer = await offerUpgrade(deps, admin, customer.sub, planIds.Gold!);
    await declineOffer(deps, customer, offer.id);
    expect(await planNames(customer.sub)).toEqual(['Bronze']);
    expect((await customerRequests(deps, customer.sub))[0]?.status).toBe('declined');
    await expect(acceptOffer(deps, customer, offer.id)).rejects.toThrow(/already been answered/);
    expect((await requestUpgrade(deps, customer, planIds.Gold!)).status).toBe('pending');
  });

  it('accepting with a disabled account is refused and the offer stays open', async () => {
    const customer = await onBronze();
    const offer = await offerUpgrade(deps, admin, customer.sub, planIds.Gold!);
    await deps.cognito.send(
      new AdminDisableUserCommand({ UserPoolId: deps.userPoolId, Username: customer.email }),
    );
    await expect(acceptOffer(deps, customer, offer.id)).rejects.toThrow(
      'This account was disabled by an administrator, so it cannot hold a working key.',
    );
    expect(await planNames(customer.sub)).toEqual(['Bronze']);
    expect((await customerRequests(deps, customer.sub))[0]?.status).toBe('offered');
    await expect(offerUpgrade(deps, admin, customer.sub, planIds.Silver!)).rejects.toThrow(
      /account is disabled: it cannot take an offer/,
    );
    await withdrawOpenRequest(deps, customer, admin, 'account disabled');
    expect((await customerRequests(deps, customer.sub))[0]).toMatchObject({
      status: 'cancelled',
      reason: 'account disabled',
    });
  });

  it('refuses offers nobody can take, and answers from anyone but the customer', async () => {
    const customer = await onBronze();
    await expect(offerUpgrade(deps, admin, customer.sub, planIds.Bronze!)).rejects.toThrow(
      `${customer.email} is already on Bronze.`,
    );
    const offer = await offerUpgrade(deps, admin, customer.sub, planIds.Gold!);
    const stranger = await onBronze();
    await expect(acceptOffer(deps, stranger, offer.id)).rejects.toThrow(
      'That offer does not exist.',
    );
    await expect(declineOffer(deps, stranger, offer.id)).rejects.toThrow(
      'That offer does not exist.',
    );
    expect((await customerRequests(deps, customer.sub))[0]?.status).toBe('offered');
    const request = await requestUpgrade(deps, stranger, planIds.Gold!);
    await expect(acceptOffer(deps, stranger, request.id)).rejects.toThrow(
      'That offer does not exist.',
    );
  });
});
