import { GetUsagePlansCommand } from '@aws-sdk/client-api-gateway';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findCustomerKeys, plansOfKey } from '../gateway/customer-keys';
import { pendingRepairs } from '../store/repairs';
import { dynamoFaults } from '../testing/dynamo-faults';
import { clearFaults, faultRules, injectFault } from '../testing/emulator-faults';
import { newCustomer, testPortalDeps } from '../testing/portal-deps';
import { applyRepairs } from './repairs';
import { subscribe } from './subscriptions';

const deps = testPortalDeps();
const dynamo = dynamoFaults(deps.dynamo);
const planIds: Record<string, string> = {};

beforeAll(async () => {
  const plans = await deps.apiGateway.send(new GetUsagePlansCommand({ limit: 500 }));
  for (const plan of plans.items ?? []) planIds[plan.name!] = plan.id!;
});

afterEach(async () => {
  await clearFaults();
  dynamo.clear();
});

/** Each key of the customer with the names of its plans. */
async function keysAndPlans(sub: string) {
  const keys = await findCustomerKeys(deps.apiGateway, sub);
  return Promise.all(
    keys.map(async (key) => ({
      enabled: key.enabled,
      plans: (await plansOfKey(deps.apiGateway, key.id)).map((plan) => plan.name),
    })),
  );
}

const repairsOf = async (sub: string) =>
  (await pendingRepairs(deps)).filter((repair) => repair.customerSub === sub);

const auditWrite = (action: string) => (input: Record<string, unknown>) =>
  (input.Item as { action?: string } | undefined)?.action === action;

describe('a first subscription when a step fails', () => {
  it.each([
    ['creating the key', { operation: 'CreateApiKey' }],
    ['adding it to the plan', { operation: 'CreateUsagePlanKey' }],
  ])('leaves no key behind when %s fails, and a retry succeeds', async (_step, rule) => {
    const customer = await newCustomer();
    await injectFault({ ...rule, error: 'ConflictException' });
    await expect(subscribe(deps, customer, planIds.Bronze!)).rejects.toThrow(
      'Changing to Bronze failed and nothing changed. Please try again.',
    );
    expect((await faultRules())[0]?.remaining).toBe(0);
    expect(await findCustomerKeys(deps.apiGateway, customer.sub)).toEqual([]);

    expect(await subscribe(deps, customer, planIds.Bronze!)).toBe('subscribed');
    expect(await keysAndPlans(customer.sub)).toEqual([{ enabled: true, plans: ['Bronze'] }]);
  });

  it.each(['key.created', 'subscription.added'])(
    'leaves no key behind when writing the %s audit entry fails',
    async (action) => {
      const customer = await newCustomer();
      dynamo.add({ command: 'PutItemCommand', kind: 'timeout', where: auditWrite(action) });
      await expect(subscribe(deps, customer, planIds.Bronze!)).rejects.toThrow(/nothing changed/);
      expect(dynamo.fired()).toEqual([1]);
      expect(await findCustomerKeys(deps.apiGateway, customer.sub)).toEqual([]);
    },
  );

  it('creates one key when CreateApiKey loses its answer', async () => {
    const customer = await newCustomer();
    await injectFault({
      operation: 'CreateApiKey',
      error: 'ServiceUnavailableException',
      afterChange: true,
    });
    expect(await subscribe(deps, customer, planIds.Bronze!)).toBe('subscribed');
    expect(await keysAndPlans(customer.sub)).toEqual([{ enabled: true, plans: ['Bronze'] }]);
  });

  it('retries reads on 503 and throttling', async () => {
    const customer = await newCustomer();
    await injectFault({ operation: 'GetUsagePlan', error: 'ServiceUnavailableException' });
    await injectFault({ operation: 'GetApiKeys', error: 'TooManyRequestsException' });
    expect(await subscribe(deps, customer, planIds.Bronze!)).toBe('subscribed');
    expect((await faultRules()).map((rule) => rule.remaining)).toEqual([0, 0]);
  });
});

describe('a tier move when a step fails', () => {
  async function bronzeCustomer() {
    const customer = await newCustomer();
    await subscribe(deps, customer, planIds.Bronze!);
    return customer;
  }

  it.each([
    ['taking the key out of Bronze', { operation: 'DeleteUsagePlanKey' }],
    ['adding it to Silver', { operation: 'CreateUsagePlanKey' }],
  ])('keeps the key in Bronze when %s fails, and a retry moves it', async (_step, rule) => {
    const customer = await bronzeCustomer();
    await injectFault({ ...rule, error: 'ConflictException' });
    await expect(subscribe(deps, customer, planIds.Silver!)).rejects.toThrow(
      'The plan change failed and your previous plan was kept. Please try again.',
    );
    expect(await keysAndPlans(customer.sub)).toEqual([{ enabled: true, plans: ['Bronze'] }]);
    expect(await subscribe(deps, customer, planIds.Silver!)).toBe('moved');
    expect(await keysAndPlans(customer.sub)).toEqual([{ enabled: true, plans: ['Silver'] }]);
  });

  it('moves the key back when writing the audit entry fails', async () => {
    const customer = await bronzeCustomer();
    dynamo.add({
      command: 'PutItemCommand',
      kind: 'throttling',
      where: auditWrite('subscription.moved'),
    });
    await expect(subscribe(deps, customer, planIds.Silver!)).rejects.toThrow(
      'Changing to Silver failed and nothing changed. Please try again.',
    );
    expect(await keysAndPlans(customer.sub)).toEqual([{ enabled: true, plans: ['Bronze'] }]);
  });

  it('records a plan it could not give back, and the repair restores it', async () => {
    const customer = await bronzeCustomer();
    await injectFault({
      operation: 'CreateUsagePlanKey',
      error: 'ConflictException',
      usagePlanId: planIds.Silver!,
    });
    await injectFault({
      operation: 'CreateUsagePlanKey',
      error: 'ConflictException',
      usagePlanId: planIds.Bronze!,
    });
    await expect(subscribe(deps, customer, planIds.Silver!)).rejects.toThrow(
      /previous plan could not be restored yet/,
    );
    expect(await keysAndPlans(customer.sub)).toEqual([{ enabled: true, plans: [] }]);
    expect(await repairsOf(customer.sub)).toMatchObject([
      { kind: 'restore-association', planId: planIds.Bronze },
    ]);

    await applyRepairs(deps);
    expect(await keysAndPlans(customer.sub)).toEqual([{ enabled: true, plans: ['Bronze'] }]);
    expect(await repairsOf(customer.sub)).toEqual([]);
  });
});
