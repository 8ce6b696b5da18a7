import {
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, describe, expect, it } from 'vitest';
import { findCustomerKeys, keyTagNames, plansOfKey } from '../gateway/customer-keys';
import { pendingUpgradeRequests } from '../portal/admin-requests';
import { revealKey, rotateKey } from '../portal/keys';
import { subscribe } from '../portal/subscriptions';
import { approveRequest, requestUpgrade } from '../portal/upgrade-requests';
import { customerRequests } from '../store/upgrade-requests';
import { testAccounts, testAdminDeps } from '../testing/admin-deps';
import { seededStack } from '../testing/seeded-stack';
import { cognitoClient } from '../aws';
import { cognitoCallsDuring } from '../testing/cognito-calls';
import { closeAccount, enableAccount } from './customer-accounts';
import { reconcileDirectory } from './directory-records';
import { moveCustomerTier, rotateCustomerKey, setCustomerKeyEnabled } from './customer-keys';

/*
 * cognito-local signs disabled users in and a session is re-checked only every few minutes, so
 * these go through the use cases directly, as a customer whose session is still open would.
 */
const deps = testAdminDeps();
const accounts = testAccounts(deps);
const { planIds, admin, callWeather } = seededStack(deps);

/** Whether any of the customer's keys would let a call through: enabled and in a plan. */
async function workingKeys(sub: string): Promise<string[]> {
  const working: string[] = [];
  for (const key of await findCustomerKeys(deps.apiGateway, sub)) {
    if (key.enabled && (await plansOfKey(deps.apiGateway, key.id!)).length > 0)
      working.push(key.id!);
  }
  return working;
}

/** What an admin does in the Cognito console, bypassing the portal. */
const disableInCognito = (username: string) =>
  deps.cognito.send(
    new AdminDisableUserCommand({ UserPoolId: deps.userPoolId, Username: username }),
  );

afterAll(() => accounts.removeAll());

describe('a disabled account holds no working key by any path', () => {
  it('disabling marks every key with the reason and withdraws the open request', async () => {
    const customer = await accounts.create();
    await subscribe(deps, customer, planIds.Bronze!);
    const value = await revealKey(deps, customer);
    const request = await requestUpgrade(deps, customer, planIds.Gold!);

    await closeAccount(deps, admin, customer.sub, 'disable', 'Unpaid invoices');

    expect(await callWeather(value)).toBe(403);
    const keys = await findCustomerKeys(deps.apiGateway, customer.sub);
    expect(keys.map((key) => [key.enabled, key.tags?.[keyTagNames.disabledReason]])).toEqual([
      [false, 'account disabled by an administrator: Unpaid invoices'],
    ]);
    const [withdrawn] = await customerRequests(deps, customer.sub);
    expect(withdrawn).toMatchObject({
      id: request.id,
      status: 'cancelled',
      reason: 'account disabled',
    });
  });

  it('refuses subscribing, moving tier, rotating and requesting right after "Disable account"', async () => {
    const customer = await accounts.create();
    await subscribe(deps, customer, planIds.Bronze!);
    await closeAccount(deps, admin, customer.sub, 'disable', 'Abuse');

    const refused = /account was disabled by an administrator/;
    await expect(subscribe(deps, customer, planIds.Silver!)).rejects.toThrow(refused);
    await expect(subscribe(deps, customer, planIds.Bronze!)).rejects.toThrow(refused);
    await expect(moveCustomerTier(deps, admin, customer.sub, planIds.Gold!)).rejects.toThrow(
      refused,
    );
    await expect(rotateKey(deps, customer)).rejects.toThrow(refused);
    await expect(rotateCustomerKey(deps, admin, customer.sub)).rejects.toThrow(refused);
    await expect(requestUpgrade(deps, customer, planIds.Gold!)).rejects.toThrow(refused);
    expect(await findCustomerKeys(deps.apiGateway, customer.sub)).toHaveLength(1);
    expect(await workingKeys(customer.sub)).toEqual([]);
  });

  it('refuses the first subscription of an account disabled outside the portal', async () => {
    const customer = await accounts.create();
    await disableInCognito(customer.username);
    await expect(subscribe(deps, customer, planIds.Bronze!)).rejects.toThrow(
      'This account was disabled by an administrator, so it cannot hold a working key.',
    );
    expect(await findCustomerKeys(deps.apiGateway, customer.sub)).toEqual([]);
  });

  it('refuses to approve an earlier request of a disabled account, and the queue says so', async () => {
    const customer = await accounts.create();
    await subscribe(deps, customer, planIds.Bronze!);
    const request = await requestUpgrade(deps, customer, planIds.Gold!);
    await disableInCognito(customer.username);
    // The queue reads the customer directory, which learns of a change made in Cognito
    // directly from the sync.
    await reconcileDirectory(deps);

    let queue: Awaited<ReturnType<typeof pendingUpgradeRequests>> = [];
    const calls = await cognitoCallsDuring([cognitoClient(), deps.cognito], async () => {
      queue = await pendingUpgradeRequests();
    });
    expect(calls).toEqual([]);
    expect(queue.find((each) => each.id === request.id)?.account).toBe('disabled');
    await expect(approveRequest(deps, admin, customer.sub, request.id)).rejects.toThrow(
      `${customer.email}'s account is disabled: approving would give it a working key. Reject the request, or enable the account first.`,
    );
    const [still] = await customerRequests(deps, customer.sub);
    expect(still?.status).toBe('pending');
    const [key] = await findCustomerKeys(deps.apiGateway, customer.sub);
    expect((await plansOfKey(deps.apiGateway, key!.id!)).map((plan) => plan.name)).toEqual([
      'Bronze',
    ]);
  });

  it('refuses to approve the request of a deleted account', async () => {
    const customer = await accounts.create();
    const request = await requestUpgrade(deps, customer, planIds.Gold!);
    await deps.cognito.send(
      new AdminDeleteUserCommand({ UserPoolId: deps.userPoolId, Username: customer.username }),
    );
    await reconcileDirectory(deps);
    expect((await pendingUpgradeRequests()).find((each) => each.id === request.id)?.account).toBe(
      'deleted',
    );
    await expect(approveRequest(deps, admin, customer.sub, request.id)).rejects.toThrow(
      `${customer.email}'s account is deleted: approving would give it a working key. Reject the request.`,
    );
    expect(await findCustomerKeys(deps.apiGateway, customer.sub)).toEqual([]);
  });

  it('enabling the account again leaves its keys disabled until an admin enables one', async () => {
    const customer = await accounts.create();
    await subscribe(deps, customer, planIds.Bronze!);
    const value = await revealKey(deps, customer);
    await closeAccount(deps, admin, customer.sub, 'disable', 'Chargeback');
    const [key] = await findCustomerKeys(deps.apiGateway, customer.sub);
    await expect(
      setCustomerKeyEnabled(deps, admin, {
        sub: customer.sub,
        keyId: key!.id!,
        enabled: true,
        reason: 'Paid',
      }),
    ).rejects.toThrow(`Enable ${customer.email}'s account first`);

    await enableAccount(deps, admin, customer.sub);
    expect(await workingKeys(customer.sub)).toEqual([]);
    await expect(subscribe(deps, customer, planIds.Bronze!)).rejects.toThrow(
      'disabled by an administrator: account disabled by an administrator: Chargeback',
    );

    await setCustomerKeyEnabled(deps, admin, {
      sub: customer.sub,
      keyId: key!.id!,
      enabled: true,
      reason: 'Paid',
    });
    expect(await subscribe(deps, customer, planIds.Bronze!)).toBe('subscribed');
    expect(await callWeather(value)).toBe(200);
  });
});
