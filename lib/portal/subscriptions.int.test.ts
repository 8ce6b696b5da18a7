import { GetUsagePlanKeysCommand, GetUsagePlansCommand } from '@aws-sdk/client-api-gateway';
import { beforeAll, describe, expect, it } from 'vitest';
import { findCustomerKeys, plansOfKey } from '../gateway/customer-keys';
import { customerAudit } from '../store/audit';
import { newCustomer, testPortalDeps } from '../testing/portal-deps';
import { PortalError } from './errors';
import { customerSubscriptions, subscribe, unsubscribe } from './subscriptions';

const deps = testPortalDeps();
const planIds: Record<string, string> = {};

beforeAll(async () => {
  const plans = await deps.apiGateway.send(new GetUsagePlansCommand({ limit: 500 }));
  for (const plan of plans.items ?? []) planIds[plan.name!] = plan.id!;
});

const planNamesOf = async (sub: string) => {
  const [key, ...others] = await findCustomerKeys(deps.apiGateway, sub);
  expect(others).toEqual([]);
  return (await plansOfKey(deps.apiGateway, key!.id!)).map((plan) => plan.name).sort();
};

describe('subscriptions against the local stack', () => {
  it('creates the key on the first subscription and is idempotent after that', async () => {
    const customer = await newCustomer();
    expect(await subscribe(deps, customer, planIds.Bronze!)).toBe('subscribed');
    expect(await subscribe(deps, customer, planIds.Bronze!)).toBe('unchanged');
    expect(await planNamesOf(customer.sub)).toEqual(['Bronze']);
    const [key] = await findCustomerKeys(deps.apiGateway, customer.sub);
    expect(key).toMatchObject({
      name: `portico-${customer.sub}`,
      customerId: customer.sub,
      enabled: true,
    });
    const actions = (await customerAudit(deps, customer.sub)).map((entry) => entry.action).sort();
    expect(actions).toEqual(['key.created', 'subscription.added']);
  });

  it('moves the key when the new plan covers the same API stages', async () => {
    const customer = await newCustomer();
    await subscribe(deps, customer, planIds.Bronze!);
    expect(await subscribe(deps, customer, planIds.Silver!)).toBe('moved');
    expect(await planNamesOf(customer.sub)).toEqual(['Silver']);
    const [moved] = (await customerAudit(deps, customer.sub)).filter(
      (entry) => entry.action === 'subscription.moved',
    );
    expect(moved?.details).toMatchObject({ from: 'Bronze', to: 'Silver' });
  });

  it('ends 10 concurrent subscribe requests with one key and one association', async () => {
    const customer = await newCustomer();
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => subscribe(deps, customer, planIds.Bronze!)),
    );
    expect(outcomes.filter((outcome) => outcome === 'subscribed')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'unchanged')).toHaveLength(9);
    const keys = await findCustomerKeys(deps.apiGateway, customer.sub);
    expect(keys).toHaveLength(1);
    const planKeys = await deps.apiGateway.send(
      new GetUsagePlanKeysCommand({
        usagePlanId: planIds.Bronze!,
        nameQuery: `portico-${customer.sub}`,
      }),
    );
    expect(planKeys.items).toHaveLength(1);
  });

  it('refuses a plan that needs approval, and an unknown plan, with words a person can read', async () => {
    const customer = await newCustomer();
    await expect(subscribe(deps, customer, planIds.Gold!)).rejects.toThrow(
      /needs an administrator's approval/,
    );
    await expect(subscribe(deps, customer, 'nope00')).rejects.toBeInstanceOf(PortalError);
    expect(await findCustomerKeys(deps.apiGateway, customer.sub)).toEqual([]);
  });

  it('unsubscribes, and refuses to touch a plan the customer is not in', async () => {
    const customer = await newCustomer();
    await subscribe(deps, customer, planIds.Bronze!);
    await expect(unsubscribe(deps, customer, planIds.Silver!)).rejects.toThrow(/not subscribed/);
    await unsubscribe(deps, customer, planIds.Bronze!);
    expect((await customerSubscriptions(deps, customer.sub)).plans).toEqual([]);
  });

  it('never shows or changes another customer’s subscriptions', async () => {
    const owner = await newCustomer();
    const intruder = await newCustomer();
    await subscribe(deps, owner, planIds.Bronze!);
    // The intruder forges the owner's plan id; it acts on the intruder's own (empty) account.
    await expect(unsubscribe(deps, intruder, planIds.Bronze!)).rejects.toThrow(/not subscribed/);
    expect(await planNamesOf(owner.sub)).toEqual(['Bronze']);
    expect((await customerSubscriptions(deps, intruder.sub)).key).toBeUndefined();
  });
});
