import { GetUsagePlansCommand } from '@aws-sdk/client-api-gateway';
import { beforeAll, describe, expect, it } from 'vitest';
import { findCustomerKeys, plansOfKey } from '../gateway/customer-keys';
import { recentNotifications } from '../store/notifications';
import { customerRequests, openRequests } from '../store/upgrade-requests';
import { newCustomer, testPortalDeps } from '../testing/portal-deps';
import { subscribe } from './subscriptions';
import {
  approveRequest,
  cancelRequest,
  rejectRequest,
  requestUpgrade,
  withdrawOpenRequest,
} from './upgrade-requests';

const deps = testPortalDeps();
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

describe('upgrade requests against the local stack', () => {
  it('allows one pending request per customer, which the customer can cancel', async () => {
    const customer = await newCustomer();
    await subscribe(deps, customer, planIds.Bronze!);
    const request = await requestUpgrade(deps, customer, planIds.Gold!);
    expect(request).toMatchObject({
      status: 'pending',
      toPlanName: 'Gold',
      currentPlans: 'Bronze',
    });
    await expect(requestUpgrade(deps, customer, planIds.Gold!)).rejects.toThrow(
      /already have an open upgrade request or offer/,
    );
    expect((await openRequests(deps)).map((open) => open.id)).toContain(request.id);
    await cancelRequest(deps, customer, request.id);
    expect((await openRequests(deps)).map((open) => open.id)).not.toContain(request.id);
    await expect(cancelRequest(deps, customer, request.id)).rejects.toThrow(
      /already been decided or cancelled/,
    );
    expect((await requestUpgrade(deps, customer, planIds.Gold!)).status).toBe('pending');
  });

  it('refuses a plan that needs no approval', async () => {
    await expect(requestUpgrade(deps, await newCustomer(), planIds.Silver!)).rejects.toThrow(
      /subscribe to it directly/,
    );
  });

  it('on approval moves the key to the plan, notifies the customer and closes the request', async () => {
    const customer = await newCustomer();
    await subscribe(deps, customer, planIds.Bronze!);
    const request = await requestUpgrade(deps, customer, planIds.Gold!);
    await approveRequest(deps, admin, customer.sub, request.id);
    expect(await planNames(customer.sub)).toEqual(['Gold']);
    const [history] = await customerRequests(deps, customer.sub);
    expect(history).toMatchObject({ status: 'approved', decidedBy: admin.email });
    const [note] = await recentNotifications(deps, customer.sub);
    expect(note?.message).toMatch(/upgrade to Gold was approved/);
  });

  it('lets exactly one of two admins deciding at once win', async () => {
    const customer = await newCustomer();
    await subscribe(deps, customer, planIds.Bronze!);
    const request = await requestUpgrade(deps, customer, planIds.Gold!);
    const results = await Promise.allSettled([
      approveRequest(deps, admin, customer.sub, request.id),
      rejectRequest(
        deps,
        { sub: 'other', email: 'other@portico.local' },
        customer.sub,
        request.id,
        'No',
      ),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const loser = results.find((result) => result.status === 'rejected');
    expect((loser as PromiseRejectedResult).reason.message).toMatch(/already been decided/);
    const [history] = await customerRequests(deps, customer.sub);
    expect(['approved', 'rejected']).toContain(history?.status);
    expect(await planNames(customer.sub)).toEqual(
      history?.status === 'approved' ? ['Gold'] : ['Bronze'],
    );
  });

  it('on rejection keeps the plan and tells the customer why', async () => {
    const customer = await newCustomer();
    await subscribe(deps, customer, planIds.Bronze!);
    const request = await requestUpgrade(deps, customer, planIds.Gold!);
    await rejectRequest(deps, admin, customer.sub, request.id, 'Tell us more about your use case.');
    expect(await planNames(customer.sub)).toEqual(['Bronze']);
    const [note] = await recentNotifications(deps, customer.sub);
    expect(note?.message).toMatch(/not approved: Tell us more/);
  });

  it('withdraws the open request of a closing account, and does nothing without one', async () => {
    const customer = await newCustomer();
    const request = await requestUpgrade(deps, customer, planIds.Gold!);
    await withdrawOpenRequest(deps, customer);
    const [history] = await customerRequests(deps, customer.sub);
    expect(history).toMatchObject({
      id: request.id,
      status: 'cancelled',
      reason: 'account closed',
    });
    expect((await openRequests(deps)).map((open) => open.id)).not.toContain(request.id);
    await withdrawOpenRequest(deps, customer);
  });

  it('cannot cancel another customer’s request by forging its id', async () => {
    const owner = await newCustomer();
    const request = await requestUpgrade(deps, owner, planIds.Gold!);
    await expect(cancelRequest(deps, await newCustomer(), request.id)).rejects.toThrow(
      /does not exist/,
    );
    const [history] = await customerRequests(deps, owner.sub);
    expect(history?.status).toBe('pending');
  });
});
