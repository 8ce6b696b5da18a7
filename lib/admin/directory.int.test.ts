import {
  CreateUsagePlanCommand,
  DeleteApiKeyCommand,
  DeleteUsagePlanCommand,
  GetUsagePlansCommand,
  ImportApiKeysCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribe } from '../portal/subscriptions';
import { testAccounts, testAdminDeps } from '../testing/admin-deps';
import { emulatorCalls, resetEmulatorCalls, totalCalls } from '../testing/emulator-stats';
import { buildCustomerRows } from './customer-rows';
import { customersQuerySchema, queryCustomers } from './customers-query';
import { loadDirectory } from './directory';

const deps = testAdminDeps();
const accounts = testAccounts(deps);
const bulkKeys = 1100;
let bulkPlanId = '';
let importedIds: string[] = [];
let bronzeId = '';

beforeAll(async () => {
  const plans = await deps.apiGateway.send(new GetUsagePlansCommand({ limit: 500 }));
  bronzeId = plans.items!.find((plan) => plan.name === 'Bronze')!.id!;
  // A plan of its own holds the bulk keys, so other test files' plans are left as they were.
  const plan = await deps.apiGateway.send(new CreateUsagePlanCommand({ name: 'Bulk (test)' }));
  bulkPlanId = plan.id!;
  const rows = Array.from(
    { length: bulkKeys },
    (_, index) =>
      `bulk-${index},bulk-key-value-${String(index).padStart(8, '0')},true,${bulkPlanId}`,
  );
  const csv = ['Name,Key,Enabled,UsageplanIds', ...rows].join('\n');
  const imported = await deps.apiGateway.send(
    new ImportApiKeysCommand({
      body: new TextEncoder().encode(csv),
      format: 'csv',
      failOnWarnings: true,
    }),
  );
  importedIds = imported.ids ?? [];
}, 120_000);

afterAll(async () => {
  await accounts.removeAll();
  for (let start = 0; start < importedIds.length; start += 25) {
    await Promise.all(
      importedIds
        .slice(start, start + 25)
        .map((apiKey) => deps.apiGateway.send(new DeleteApiKeyCommand({ apiKey }))),
    );
  }
  await deps.apiGateway.send(new DeleteUsagePlanCommand({ usagePlanId: bulkPlanId }));
}, 120_000);

describe('the customers list against the local stack', () => {
  it('joins users, keys and plans from a bounded number of calls, with 1,100 extra keys', async () => {
    expect(importedIds).toHaveLength(bulkKeys);
    const customer = await accounts.create();
    await subscribe(deps, customer, bronzeId);

    await resetEmulatorCalls();
    const directory = await loadDirectory(deps);
    const calls = await emulatorCalls();

    const pagesOfKeys = Math.ceil(directory.keys.length / 500);
    expect(directory.keys.length).toBeGreaterThanOrEqual(bulkKeys);
    expect(calls.GetApiKeys).toBe(pagesOfKeys);
    expect(calls.GetUsagePlans).toBe(1);
    // One page per plan, and three for the bulk plan's 1,100 keys; the same for GetUsage.
    expect(calls.GetUsagePlanKeys).toBe(directory.plans.length + 2);
    expect(calls.GetUsage).toBeLessThanOrEqual(directory.plans.length + 2);
    expect(totalCalls(calls)).toBeLessThanOrEqual(
      pagesOfKeys + 1 + 2 * (directory.plans.length + 2),
    );
    expect(Object.keys(calls).sort()).toEqual([
      'GetApiKeys',
      'GetUsage',
      'GetUsagePlanKeys',
      'GetUsagePlans',
    ]);

    const rows = buildCustomerRows(directory, Date.now());
    const found = queryCustomers(rows, customersQuerySchema.parse({ q: customer.email }));
    expect(found.total).toBe(1);
    expect(found.rows[0]).toMatchObject({
      sub: customer.sub,
      status: 'active',
      keyState: 'active',
      plans: [{ id: bronzeId, name: 'Bronze' }],
      isAdmin: false,
    });
    const admins = rows.filter((row) => row.isAdmin).map((row) => row.email);
    expect(admins).toEqual(['admin@portico.local']);
  });
});
