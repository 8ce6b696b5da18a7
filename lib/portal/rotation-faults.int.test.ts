import { GetUsagePlansCommand } from '@aws-sdk/client-api-gateway';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findCustomerKeys, keyTagNames, plansOfKey } from '../gateway/customer-keys';
import { pendingRepairs } from '../store/repairs';
import { dynamoFaults } from '../testing/dynamo-faults';
import { clearFaults, faultRules, injectFault } from '../testing/emulator-faults';
import { newCustomer, testPortalDeps } from '../testing/portal-deps';
import { rotateKey } from './keys';
import { applyRepairs } from './repairs';
import { subscribe } from './subscriptions';

const deps = testPortalDeps();
const dynamo = dynamoFaults(deps.dynamo);
let bronze = '';

beforeAll(async () => {
  const plans = await deps.apiGateway.send(new GetUsagePlansCommand({ limit: 500 }));
  bronze = plans.items!.find((plan) => plan.name === 'Bronze')!.id!;
});

afterEach(async () => {
  await clearFaults();
  dynamo.clear();
});

/** A customer with one key in Bronze, as the rotation finds them. */
async function subscriber() {
  const customer = await newCustomer();
  await subscribe(deps, customer, bronze);
  const [old] = await findCustomerKeys(deps.apiGateway, customer.sub);
  return { customer, oldId: old!.id };
}

/** Exactly the old key, enabled, not rotated out, still in Bronze; nothing else. */
async function expectUnchanged(sub: string, oldId: string) {
  const keys = await findCustomerKeys(deps.apiGateway, sub);
  expect(keys.map((key) => [key.id, key.enabled, key.tags[keyTagNames.disableAfter]])).toEqual([
    [oldId, true, undefined],
  ]);
  expect((await plansOfKey(deps.apiGateway, oldId)).map((plan) => plan.id)).toEqual([bronze]);
  expect((await pendingRepairs(deps)).filter((repair) => repair.customerSub === sub)).toEqual([]);
}

async function expectRotated(sub: string, oldId: string) {
  const keys = await findCustomerKeys(deps.apiGateway, sub);
  expect(keys).toHaveLength(2);
  const fresh = keys.find((key) => key.id !== oldId)!;
  expect((await plansOfKey(deps.apiGateway, fresh.id)).map((plan) => plan.id)).toEqual([bronze]);
  expect(keys.find((key) => key.id === oldId)?.tags[keyTagNames.disableAfter]).toBeDefined();
}

const nothingChanged = /^Rotating the key failed and nothing changed/;

describe('rotating a key when a step fails', () => {
  it.each([
    ['creating the key', { operation: 'CreateApiKey' }],
    ['adding it to the plan', { operation: 'CreateUsagePlanKey' }],
    ['marking the old key', { operation: 'TagResource' }],
  ])('undoes everything when %s fails, and a retry succeeds', async (_step, rule) => {
    const { customer, oldId } = await subscriber();
    await injectFault({ ...rule, error: 'ConflictException' });
    await expect(rotateKey(deps, customer)).rejects.toThrow(nothingChanged);
    expect((await faultRules())[0]?.remaining).toBe(0);
    await expectUnchanged(customer.sub, oldId);

    await rotateKey(deps, customer);
    await expectRotated(customer.sub, oldId);
  });

  it('undoes everything when writing the audit entry fails', async () => {
    const { customer, oldId } = await subscriber();
    dynamo.add({
      command: 'PutItemCommand',
      kind: 'throttling',
      where: (input) => (input.Item as { action?: string }).action === 'key.rotated',
    });
    await expect(rotateKey(deps, customer)).rejects.toThrow(nothingChanged);
    expect(dynamo.fired()).toEqual([1]);
    await expectUnchanged(customer.sub, oldId);
  });

  it('looks before creating again when CreateApiKey loses its answer: one new key, not two', async () => {
    const { customer, oldId } = await subscriber();
    await injectFault({
      operation: 'CreateApiKey',
      error: 'ServiceUnavailableException',
      afterChange: true,
    });
    const { value } = await rotateKey(deps, customer);
    expect(value).toMatch(/^\S{20,}$/);
    expect((await faultRules())[0]?.remaining).toBe(0);
    await expectRotated(customer.sub, oldId);
  });

  it('creates once more when CreateApiKey failed before taking effect', async () => {
    const { customer, oldId } = await subscriber();
    await injectFault({ operation: 'CreateApiKey', error: 'ServiceUnavailableException' });
    await rotateKey(deps, customer);
    await expectRotated(customer.sub, oldId);
  });

  it('records what it cannot undo, and the repair takes the half-made key back', async () => {
    const { customer, oldId } = await subscriber();
    await injectFault({ operation: 'TagResource', error: 'ConflictException', keyId: oldId });
    await injectFault({ operation: 'DeleteApiKey', error: 'ConflictException' });
    await expect(rotateKey(deps, customer)).rejects.toThrow(
      /^Rotating the key failed part-way: the current key keeps working/,
    );
    const keys = await findCustomerKeys(deps.apiGateway, customer.sub);
    const fresh = keys.find((key) => key.id !== oldId)!;
    expect(await plansOfKey(deps.apiGateway, fresh.id)).toEqual([]);
    const repairs = (await pendingRepairs(deps)).filter(
      (repair) => repair.customerSub === customer.sub,
    );
    expect(repairs).toMatchObject([{ kind: 'retire-key', keyId: fresh.id }]);

    await applyRepairs(deps);
    const after = await findCustomerKeys(deps.apiGateway, customer.sub);
    expect(after.find((key) => key.id === fresh.id)?.enabled).toBe(false);
    expect((await pendingRepairs(deps)).filter((r) => r.customerSub === customer.sub)).toEqual([]);
    expect((await plansOfKey(deps.apiGateway, oldId)).map((plan) => plan.id)).toEqual([bronze]);
  });
});
