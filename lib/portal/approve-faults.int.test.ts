import { GetUsagePlansCommand } from '@aws-sdk/client-api-gateway';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findCustomerKeys, plansOfKey } from '../gateway/customer-keys';
import { recentNotifications } from '../store/notifications';
import { customerRequests } from '../store/upgrade-requests';
import { dynamoFaults } from '../testing/dynamo-faults';
import { clearFaults, faultRules, injectFault } from '../testing/emulator-faults';
import { newCustomer, testPortalDeps } from '../testing/portal-deps';
import { subscribe } from './subscriptions';
import { approveRequest, rejectRequest, requestUpgrade } from './upgrade-requests';

const deps = testPortalDeps();
const dynamo = dynamoFaults(deps.dynamo);
const planIds: Record<string, string> = {};
const admin = { sub: 'admin-sub', email: 'admin@example.test' };

beforeAll(async () => {
  const plans = await deps.apiGateway.send(new GetUsagePlansCommand({ limit: 500 }));
  for (const plan of plans.items ?? []) planIds[plan.name!] = plan.id!;
});

afterEach(async () => {
  await clearFaults();
  dynamo.clear();
});

async function bronzeCustomerAskingForGold() {
  const customer = await newCustomer();
  await subscribe(deps, customer, planIds.Bronze!);
  const request = await requestUpgrade(deps, customer, planIds.Gold!);
  return { customer, request };
}

async function planNames(sub: string) {
  const [key] = await findCustomerKeys(deps.apiGateway, sub);
  return (await plansOfKey(deps.apiGateway, key!.id)).map((plan) => plan.name);
}

const statusOf = async (sub: string) => (await customerRequests(deps, sub))[0]?.status;

/** The conditional write that decides a request as `status`. */
const deciding = (status: string) => (input: Record<string, unknown>) =>
  JSON.stringify(input.ExpressionAttributeValues ?? {}).includes(`"${status}"`);

describe('approving when a step fails', () => {
  it('leaves the request pending and the key in Bronze when the move fails; a retry approves', async () => {
    const { customer, request } = await bronzeCustomerAskingForGold();
    await injectFault({
      operation: 'CreateUsagePlanKey',
      error: 'ConflictException',
      usagePlanId: planIds.Gold!,
    });
    await expect(approveRequest(deps, admin, customer.sub, request.id)).rejects.toThrow(
      'The plan change failed and your previous plan was kept. Please try again.',
    );
    expect((await faultRules())[0]?.remaining).toBe(0);
    expect(await statusOf(customer.sub)).toBe('pending');
    expect(await planNames(customer.sub)).toEqual(['Bronze']);

    await approveRequest(deps, admin, customer.sub, request.id);
    expect(await statusOf(customer.sub)).toBe('approved');
    expect(await planNames(customer.sub)).toEqual(['Gold']);
  });

  it('reopens the request when closing it fails after the move, so approving again finishes', async () => {
    const { customer, request } = await bronzeCustomerAskingForGold();
    dynamo.add({ command: 'UpdateItemCommand', kind: 'throttling', where: deciding('approved') });
    await expect(approveRequest(deps, admin, customer.sub, request.id)).rejects.toThrow(
      `${customer.email} is now on Gold, but the request could not be closed: approve it again to finish.`,
    );
    expect(dynamo.fired()).toEqual([1]);
    expect(await statusOf(customer.sub)).toBe('pending');
    expect(await planNames(customer.sub)).toEqual(['Gold']);

    await approveRequest(deps, admin, customer.sub, request.id);
    expect(await statusOf(customer.sub)).toBe('approved');
    expect(await planNames(customer.sub)).toEqual(['Gold']);
  });
});

describe('rejecting when a step fails', () => {
  it('leaves the request pending and tells the customer nothing; a retry rejects', async () => {
    const { customer, request } = await bronzeCustomerAskingForGold();
    dynamo.add({
      command: 'UpdateItemCommand',
      kind: 'conditional-check',
      where: deciding('rejected'),
    });
    await expect(
      rejectRequest(deps, admin, customer.sub, request.id, 'Not this quarter'),
    ).rejects.toThrow();
    expect(dynamo.fired()).toEqual([1]);
    expect(await statusOf(customer.sub)).toBe('pending');
    expect(await recentNotifications(deps, customer.sub)).toEqual([]);

    await rejectRequest(deps, admin, customer.sub, request.id, 'Not this quarter');
    expect(await statusOf(customer.sub)).toBe('rejected');
    expect(await planNames(customer.sub)).toEqual(['Bronze']);
  });
});
