import { AdminDeleteUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, describe, expect, it } from 'vitest';
import { activeKey, findCustomerKeys, plansOfKey } from '../gateway/customer-keys';
import { revealKey } from '../portal/keys';
import { subscribe } from '../portal/subscriptions';
import { customerAudit } from '../store/audit';
import { recentNotifications } from '../store/notifications';
import { testAccounts, testAdminDeps } from '../testing/admin-deps';
import { seededStack } from '../testing/seeded-stack';
import { closeAccount, enableAccount, setAdminRole } from './customer-accounts';
import { findUserBySub, listAdmins } from './cognito-users';
import { inviteUser } from './invite';
import {
  moveCustomerTier,
  removeCustomerFromPlan,
  rotateCustomerKey,
  setCustomerKeyEnabled,
} from './customer-keys';

const deps = testAdminDeps();
const accounts = testAccounts(deps);
const { planIds, admin: seedAdmin, callWeather } = seededStack(deps);

afterAll(() => accounts.removeAll());

describe('admin actions on a customer against the local stack', () => {
  it('disables a key with a reason the customer sees, which stops it on the data plane', async () => {
    const customer = await accounts.create();
    await subscribe(deps, customer, planIds.Bronze!);
    const value = await revealKey(deps, customer);
    const keyId = activeKey(await findCustomerKeys(deps.apiGateway, customer.sub))!.id!;
    expect(await callWeather(value)).toBe(200);

    const reason = 'Scraping the whole catalogue every minute';
    await setCustomerKeyEnabled(deps, seedAdmin, {
      sub: customer.sub,
      keyId,
      enabled: false,
      reason,
    });
    expect(await callWeather(value)).toBe(403);
    const [note] = await recentNotifications(deps, customer.sub);
    expect(note?.message).toContain(reason);
    const [entry] = await customerAudit(deps, customer.sub);
    expect(entry).toMatchObject({
      action: 'key.disabled',
      actor: seedAdmin,
      details: { keyId, reason },
    });
    // Subscribing again cannot hand the customer a fresh key behind the admin's back.
    await expect(subscribe(deps, customer, planIds.Silver!)).rejects.toThrow(reason);
    expect(await findCustomerKeys(deps.apiGateway, customer.sub)).toHaveLength(1);

    await setCustomerKeyEnabled(deps, seedAdmin, {
      sub: customer.sub,
      keyId,
      enabled: true,
      reason: 'Agreed a limit',
    });
    expect(await callWeather(value)).toBe(200);
  });

  it('refuses a key of another customer', async () => {
    const owner = await accounts.create();
    const other = await accounts.create();
    await subscribe(deps, owner, planIds.Bronze!);
    const keyId = (await findCustomerKeys(deps.apiGateway, owner.sub))[0]!.id!;
    await expect(
      setCustomerKeyEnabled(deps, seedAdmin, {
        sub: other.sub,
        keyId,
        enabled: false,
        reason: 'nope',
      }),
    ).rejects.toThrow(/does not belong/);
  });

  it('moves a customer to a tier that needs approval, then removes them from it', async () => {
    const customer = await accounts.create();
    await subscribe(deps, customer, planIds.Bronze!);
    expect(await moveCustomerTier(deps, seedAdmin, customer.sub, planIds.Gold!)).toBe('moved');
    const keyId = (await findCustomerKeys(deps.apiGateway, customer.sub))[0]!.id!;
    expect((await plansOfKey(deps.apiGateway, keyId)).map((plan) => plan.name)).toEqual(['Gold']);
    await removeCustomerFromPlan(deps, seedAdmin, customer.sub, planIds.Gold!);
    expect(await plansOfKey(deps.apiGateway, keyId)).toEqual([]);
    const actions = (await customerAudit(deps, customer.sub)).map((entry) => entry.action);
    expect(actions.slice(0, 2)).toEqual(['subscription.removed', 'subscription.moved']);
  });

  it('rotates the key for the customer without showing the admin the new value', async () => {
    const customer = await accounts.create();
    await subscribe(deps, customer, planIds.Bronze!);
    const oldValue = await revealKey(deps, customer);
    const until = await rotateCustomerKey(deps, seedAdmin, customer.sub);
    expect(until).toBeGreaterThan(Date.now());
    expect(await findCustomerKeys(deps.apiGateway, customer.sub)).toHaveLength(2);
    expect(await callWeather(oldValue)).toBe(200);
    expect(await callWeather(await revealKey(deps, customer))).toBe(200);
    const rotated = (await customerAudit(deps, customer.sub)).find(
      (entry) => entry.action === 'key.rotated',
    );
    expect(rotated?.actor).toEqual(seedAdmin);
    expect((await recentNotifications(deps, customer.sub))[0]?.message).toMatch(
      /rotated your API key/,
    );
  });

  it('protects the last admin and forbids demoting oneself', async () => {
    expect((await listAdmins(deps)).map((admin) => admin.sub)).toEqual([seedAdmin.sub]);
    const colleague = await accounts.create();
    await expect(setAdminRole(deps, colleague, seedAdmin.sub, false)).rejects.toThrow(
      /last administrator/,
    );
    await expect(closeAccount(deps, colleague, seedAdmin.sub, 'delete', 'test')).rejects.toThrow(
      /last administrator/,
    );
    await setAdminRole(deps, seedAdmin, colleague.sub, true);
    expect((await listAdmins(deps)).map((admin) => admin.sub).sort()).toEqual(
      [seedAdmin.sub, colleague.sub].sort(),
    );
    await expect(setAdminRole(deps, colleague, colleague.sub, false)).rejects.toThrow(/your own/);
    await setAdminRole(deps, seedAdmin, colleague.sub, false);
    expect((await listAdmins(deps)).map((admin) => admin.sub)).toEqual([seedAdmin.sub]);
    const actions = (await customerAudit(deps, colleague.sub)).map((entry) => entry.action);
    expect(actions).toEqual(['admin.demoted', 'admin.promoted']);
  });

  it('disables an account after taking its keys out of every plan, and enables it again', async () => {
    const customer = await accounts.create();
    await subscribe(deps, customer, planIds.Bronze!);
    const value = await revealKey(deps, customer);
    await closeAccount(deps, seedAdmin, customer.sub, 'disable', 'Unpaid invoices');
    expect(await callWeather(value)).toBe(403);
    const [key] = await findCustomerKeys(deps.apiGateway, customer.sub);
    expect(key?.enabled).toBe(false);
    expect(await plansOfKey(deps.apiGateway, key!.id!)).toEqual([]);
    expect((await findUserBySub(deps, customer.sub))?.status).toBe('disabled');
    await enableAccount(deps, seedAdmin, customer.sub);
    expect((await findUserBySub(deps, customer.sub))?.status).toBe('active');

    await closeAccount(deps, seedAdmin, customer.sub, 'delete', 'Asked to leave');
    expect(await findUserBySub(deps, customer.sub)).toBeUndefined();
    const actions = (await customerAudit(deps, customer.sub)).map((entry) => entry.action);
    expect(actions).toContain('account.deleted');
  });
});

describe('inviting', () => {
  it('creates an invited account, optionally an admin, and refuses an existing email', async () => {
    const email = `invite-${Date.now()}@example.test`;
    const { sub } = await inviteUser(deps, seedAdmin, email, true);
    try {
      expect(await findUserBySub(deps, sub)).toMatchObject({ email, status: 'invited' });
      expect((await listAdmins(deps)).map((admin) => admin.sub)).toContain(sub);
      await expect(inviteUser(deps, seedAdmin, email, false)).rejects.toThrow(/already exists/);
      expect((await customerAudit(deps, sub))[0]?.action).toBe('account.invited');
    } finally {
      // Out of the admin group and the pool: other test files expect only the seeded accounts.
      await setAdminRole(deps, seedAdmin, sub, false);
      await deps.cognito.send(
        new AdminDeleteUserCommand({ UserPoolId: deps.userPoolId, Username: email }),
      );
    }
  });
});
