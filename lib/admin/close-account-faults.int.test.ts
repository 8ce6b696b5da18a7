import { GetUsagePlansCommand } from '@aws-sdk/client-api-gateway';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findCustomerKeys, keyTagNames, plansOfKey } from '../gateway/customer-keys';
import { getKey } from '../gateway/keys';
import { applyRepairs } from '../portal/repairs';
import { subscribe } from '../portal/subscriptions';
import { pendingRepairs } from '../store/repairs';
import { testAccounts, testAdminDeps } from '../testing/admin-deps';
import { clearFaults, faultRules, injectFault } from '../testing/emulator-faults';
import { closeAccount } from './customer-accounts';
import { bulkDisableKeys } from './bulk-disable';
import { findUserBySub } from './cognito-users';

const deps = testAdminDeps();
const accounts = testAccounts(deps);
const admin = { sub: 'admin-sub', email: 'admin@example.test' };
let bronze = '';

beforeAll(async () => {
  const plans = await deps.apiGateway.send(new GetUsagePlansCommand({ limit: 500 }));
  bronze = plans.items!.find((plan) => plan.name === 'Bronze')!.id!;
});
afterEach(clearFaults);
afterAll(() => accounts.removeAll());

async function keyState(sub: string) {
  const [key] = await findCustomerKeys(deps.apiGateway, sub);
  return {
    enabled: key!.enabled,
    reason: key!.tags[keyTagNames.disabledReason],
    plans: (await plansOfKey(deps.apiGateway, key!.id)).length,
  };
}

describe('disabling an account when a step fails', () => {
  it('leaves a disabled account whose key no longer works, and a retry finishes', async () => {
    const customer = await accounts.create();
    await subscribe(deps, customer, bronze);
    await injectFault({ operation: 'DeleteUsagePlanKey', error: 'ConflictException' });
    await expect(closeAccount(deps, admin, customer.sub, 'disable', 'Abuse')).rejects.toThrow();
    expect((await faultRules())[0]?.remaining).toBe(0);
    expect((await findUserBySub(deps, customer.sub))?.status).toBe('disabled');
    expect(await keyState(customer.sub)).toMatchObject({ enabled: false, plans: 1 });

    await closeAccount(deps, admin, customer.sub, 'disable', 'Abuse');
    expect(await keyState(customer.sub)).toEqual({
      enabled: false,
      reason: 'account disabled by an administrator: Abuse',
      plans: 0,
    });
  });

  it('records a key it could not disable, and the repair retires it', async () => {
    const customer = await accounts.create();
    await subscribe(deps, customer, bronze);
    await injectFault({ operation: 'UpdateApiKey', error: 'ConflictException' });
    await expect(closeAccount(deps, admin, customer.sub, 'disable', 'Fraud')).rejects.toThrow();
    const [key] = await findCustomerKeys(deps.apiGateway, customer.sub);
    const repairs = (await pendingRepairs(deps)).filter((r) => r.customerSub === customer.sub);
    expect(repairs).toMatchObject([{ kind: 'retire-key', keyId: key!.id }]);

    await applyRepairs(deps);
    expect(await keyState(customer.sub)).toMatchObject({ enabled: false, plans: 0 });
  });
});

describe('bulk disabling when a step fails', () => {
  it('never leaves a disabled key without its reason; submitting again finishes', async () => {
    const customer = await accounts.create();
    await subscribe(deps, customer, bronze);
    const [key] = await findCustomerKeys(deps.apiGateway, customer.sub);
    await injectFault({
      operation: 'UpdateApiKey',
      error: 'ServiceUnavailableException',
      times: 5,
    });
    await expect(bulkDisableKeys(deps, admin, [key!.id], 'Leaked on GitHub')).rejects.toThrow();
    expect((await getKey(deps.apiGateway, key!.id))?.enabled).toBe(true);

    expect(await bulkDisableKeys(deps, admin, [key!.id], 'Leaked on GitHub')).toEqual({
      disabled: 1,
      skipped: 0,
    });
    const after = await getKey(deps.apiGateway, key!.id);
    expect([after?.enabled, after?.tags[keyTagNames.disabledReason]]).toEqual([
      false,
      'Leaked on GitHub',
    ]);
  });
});
