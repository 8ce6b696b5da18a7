import { randomUUID } from 'node:crypto';
import { GetApiKeysCommand } from '@aws-sdk/client-api-gateway';
import { afterAll, describe, expect, it } from 'vitest';
import { activeKey, findCustomerKeys, plansOfKey } from '../gateway/customer-keys';
import { deleteKey } from '../gateway/keys';
import { testAccounts, testAdminDeps } from '../testing/admin-deps';
import { seededStack } from '../testing/seeded-stack';
import { allKeyRecords } from '../store/read-model-keys';
import { importKeyFile, previewKeyImport } from './key-import';
import { listAdminPlans } from './plans';

const deps = testAdminDeps();
const accounts = testAccounts(deps);
const admin = { sub: 'admin-sub', email: 'admin@portico.local' };
const { planIds } = seededStack(deps);
const prefix = `imp-${randomUUID().slice(0, 8)}`;
const value = (n: number) => `${prefix}-value-${String(n).padStart(12, '0')}`;

const importedKeys = async () =>
  (await deps.apiGateway.send(new GetApiKeysCommand({ nameQuery: prefix, limit: 500 }))).items ??
  [];

// Through the portal, so the keys' records (with their plans) and any copies go too.
afterAll(async () => {
  await accounts.removeAll();
  for (const key of await importedKeys()) {
    await deleteKey(deps, key.id!);
  }
});

describe('key import against the local stack', () => {
  it('previews every problem, imports nothing while one row is bad, then imports all once fixed', async () => {
    const customer = await accounts.create();
    const file = (plansOfB: string) =>
      [
        'Name,Key,Description,Enabled,UsageplanIds,CustomerEmail',
        `${prefix}-a,${value(1)},Legacy partner,true,${planIds.Bronze},`,
        `${prefix}-b,${value(2)},,true,${plansOfB},`,
        `${prefix}-c,${value(3)},Migrated,true,${planIds.Silver},${customer.email}`,
      ].join('\n');
    const bad = file(`'${planIds.Silver},${planIds.Bronze}'`);

    const preview = await previewKeyImport(deps, bad);
    expect(preview.problems).toEqual([
      {
        line: 3,
        message: 'Silver and Bronze cover the same API stage: a key can be in only one of them',
      },
    ]);
    expect(preview.rows.map((row) => row.line)).toEqual([2, 4]);
    expect(JSON.stringify(preview)).not.toContain(value(1));

    await expect(importKeyFile(deps, admin, bad)).rejects.toThrow(
      'The file has 1 problem: preview it to see them. Nothing was imported.',
    );
    expect(await importedKeys()).toEqual([]);

    const fixed = file(planIds.Gold!);
    expect((await previewKeyImport(deps, fixed)).problems).toEqual([]);
    expect(await importKeyFile(deps, admin, fixed)).toEqual({ imported: 3, linked: 1 });
    expect((await importedKeys()).map((key) => key.name).sort()).toEqual([
      `${prefix}-a`,
      `${prefix}-b`,
    ]);

    const linked = activeKey(await findCustomerKeys(deps.apiGateway, customer.sub));
    expect(linked?.description).toBe('Migrated');
    expect((await plansOfKey(deps.apiGateway, linked!.id!)).map((plan) => plan.name)).toEqual([
      'Silver',
    ]);
    // The same file again: every value now exists and the customer has a key.
    const again = (await previewKeyImport(deps, fixed)).problems;
    expect(again.map((problem) => problem.line)).toEqual([2, 3, 4, 4]);
    await deleteKey(deps, linked!.id!);
  });

  it('records each imported key with the plans the file put it in: counts are right before a sync', async () => {
    const subscribers = async () =>
      (await listAdminPlans(deps)).find((plan) => plan.id === planIds.Silver)?.subscribers;
    const before = await subscribers();
    const file = [
      'Name,Key,Description,Enabled,UsageplanIds,CustomerEmail',
      `${prefix}-d,${value(4)},,true,${planIds.Silver},`,
      `${prefix}-e,${value(5)},,true,,`,
    ].join('\n');
    expect(await importKeyFile(deps, admin, file)).toEqual({ imported: 2, linked: 0 });

    const records = await allKeyRecords(deps);
    const planIdsOf = (name: string) => records.find((record) => record.name === name)?.planIds;
    expect(planIdsOf(`${prefix}-d`)).toEqual([planIds.Silver]);
    expect(planIdsOf(`${prefix}-e`)).toEqual([]);
    expect(await subscribers()).toBe((before ?? 0) + 1);
  });
});
