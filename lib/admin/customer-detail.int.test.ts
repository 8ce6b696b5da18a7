import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { cognitoClient } from '../aws';
import {
  customerRecord,
  deleteCustomerRecord,
  putCustomerRecord,
} from '../store/customer-directory';
import { testAccounts, testAdminDeps } from '../testing/admin-deps';
import { cognitoCallsDuring } from '../testing/cognito-calls';
import { emulatorCalls, resetEmulatorCalls, totalCalls } from '../testing/emulator-stats';
import { seededStack } from '../testing/seeded-stack';
import { closeAccount } from './customer-accounts';
import { loadCustomerDetail } from './customer-detail';
import { requireCustomer } from './customer-lookup';

const deps = testAdminDeps();
const accounts = testAccounts(deps);
const { admin } = seededStack(deps);
const cognitoClients = [cognitoClient(), deps.cognito];

afterAll(() => accounts.removeAll());

describe('the admin customer detail page', () => {
  it('shows the account as the customer directory records it, with no Cognito or API Gateway call', async () => {
    const account = await accounts.create();
    // Differs from Cognito on purpose: what the page shows can only come from the record.
    await putCustomerRecord(deps, {
      ...account,
      email: `recorded-${randomUUID().slice(0, 8)}@example.test`,
      status: 'disabled',
      createdAt: Date.parse('2026-01-02T03:04:05Z'),
      isAdmin: true,
      groups: ['audience:beta', deps.adminGroup],
      recordedAt: Date.now(),
    });
    const recorded = await customerRecord(deps, account.sub);

    await resetEmulatorCalls();
    let detail;
    const calls = await cognitoCallsDuring(cognitoClients, async () => {
      detail = await loadCustomerDetail(deps, account.sub);
    });
    expect(calls).toEqual([]);
    expect(totalCalls(await emulatorCalls())).toBe(0);
    expect(detail).toMatchObject({
      user: {
        sub: account.sub,
        username: account.username,
        email: recorded?.email,
        status: 'disabled',
        createdAt: Date.parse('2026-01-02T03:04:05Z'),
      },
      groups: ['audience:beta', deps.adminGroup],
      isAdmin: true,
    });
  });

  it('has no page for an account the directory does not hold', async () => {
    const account = await accounts.create();
    await deleteCustomerRecord(deps, account.sub);
    const calls = await cognitoCallsDuring(cognitoClients, async () => {
      expect(await loadCustomerDetail(deps, account.sub)).toBeUndefined();
    });
    expect(calls).toEqual([]);
  });
});

describe('requireCustomer, the account an admin acts on', () => {
  it('answers from the directory: disabled as soon as an admin disabled it, without asking Cognito', async () => {
    const account = await accounts.create();
    await requireCustomer(deps, account.sub);
    await closeAccount(deps, admin, account.sub, 'disable', 'Testing the lookup');
    const calls = await cognitoCallsDuring(cognitoClients, async () => {
      expect(await requireCustomer(deps, account.sub)).toMatchObject({
        sub: account.sub,
        email: account.email,
        status: 'disabled',
      });
    });
    expect(calls).toEqual([]);
  });

  it('looks an account the directory does not hold yet up in Cognito once, and records it', async () => {
    const account = await accounts.create();
    await deleteCustomerRecord(deps, account.sub);
    const first = await cognitoCallsDuring(cognitoClients, () =>
      requireCustomer(deps, account.sub),
    );
    expect(first).toEqual(['ListUsersCommand']);
    expect(await customerRecord(deps, account.sub)).toMatchObject({
      email: account.email,
      status: 'active',
    });
    const again = await cognitoCallsDuring(cognitoClients, () =>
      requireCustomer(deps, account.sub),
    );
    expect(again).toEqual([]);
  });

  it('refuses an account neither the directory nor Cognito knows', async () => {
    await expect(requireCustomer(deps, randomUUID())).rejects.toMatchObject({
      code: 'not-found',
      message: 'That customer does not exist (any more).',
    });
  });
});
