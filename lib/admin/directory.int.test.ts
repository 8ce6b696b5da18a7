import {
  CreateUsagePlanCommand,
  DeleteApiKeyCommand,
  DeleteUsagePlanCommand,
  GetUsagePlansCommand,
  ImportApiKeysCommand,
} from '@aws-sdk/client-api-gateway';
import {
  AdminAddUserToGroupCommand,
  AdminDisableUserCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncReadModel } from '../gateway/sync';
import { subscribe } from '../portal/subscriptions';
import { customerAudit } from '../store/audit';
import { customerRecords } from '../store/customer-directory';
import { gatewayRestApiRecords } from '../store/read-model-plans';
import { testAccounts, testAdminDeps } from '../testing/admin-deps';
import { emulatorCalls, resetEmulatorCalls, totalCalls } from '../testing/emulator-stats';
import { buildCustomerRows } from './customer-rows';
import { customersQuerySchema, queryCustomers } from './customers-query';
import { loadDirectory } from './directory';
import { recordConfirmedAccount } from './directory-records';

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
  await syncReadModel(deps, 'admin');
}, 120_000);

describe('the customers list against the local stack', () => {
  it('joins users, keys and plans without an API Gateway call, with 1,100 extra keys', async () => {
    expect(importedIds).toHaveLength(bulkKeys);
    const customer = await accounts.create();
    await subscribe(deps, customer, bronzeId);

    // The keys were imported behind the portal's back: one sync brings them in, in pages.
    await resetEmulatorCalls();
    const run = await syncReadModel(deps, 'admin');
    const syncCalls = await emulatorCalls();
    expect(syncCalls.GetApiKeys).toBe(Math.ceil(run.keysSeen / 500));
    expect(syncCalls.GetUsagePlans).toBe(1);
    // Besides the pages, at most one GetStages per REST API (search follows redeployed stages).
    const { GetStages: stageReads = 0, ...paged } = syncCalls;
    expect(stageReads).toBeLessThanOrEqual((await gatewayRestApiRecords(deps)).length);
    expect(Object.keys(paged).sort()).toEqual([
      'GetApiKeys',
      'GetRestApis',
      'GetUsagePlanKeys',
      'GetUsagePlans',
    ]);

    await resetEmulatorCalls();
    const everyKey = await loadDirectory(deps, { keys: 'all' });
    expect(everyKey.keys.length).toBeGreaterThanOrEqual(bulkKeys);
    expect(everyKey.planKeyIds[bulkPlanId]).toHaveLength(bulkKeys);
    // The customers list reads only the owned keys: none of the imported ones.
    const directory = await loadDirectory(deps, { keys: 'owned' });
    expect(directory.keys.every((key) => key.customerId)).toBe(true);
    expect(directory.keys.map((key) => key.customerId)).toContain(customer.sub);
    expect(totalCalls(await emulatorCalls())).toBe(0);

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
  }, 120_000);

  it('shows a confirmed sign-up at once, and publishes account.created once', async () => {
    const newcomer = await accounts.create();
    await recordConfirmedAccount(deps, newcomer.email);

    const directory = await loadDirectory(deps, { keys: 'owned' });
    const rows = buildCustomerRows(directory, Date.now());
    expect(rows.find((row) => row.sub === newcomer.sub)).toMatchObject({
      email: newcomer.email,
      status: 'active',
      keyState: 'none',
      isAdmin: false,
    });
    const created = (await customerAudit(deps, newcomer.sub)).filter(
      (entry) => entry.action === 'account.created',
    );
    expect(created).toEqual([
      expect.objectContaining({
        actor: { sub: newcomer.sub, email: newcomer.email },
        details: { email: newcomer.email },
      }),
    ]);
    // The sync finds nothing to repair about it.
    const run = await syncReadModel(deps, 'admin');
    expect(run.changes.filter((change) => change.id === newcomer.sub)).toEqual([]);
  });

  it('repairs accounts changed in Cognito behind the portal', async () => {
    const outsider = await accounts.create();
    await deps.cognito.send(
      new AdminAddUserToGroupCommand({
        UserPoolId: deps.userPoolId,
        Username: outsider.username,
        GroupName: deps.adminGroup,
      }),
    );
    expect((await customerRecords(deps)).map((record) => record.sub)).not.toContain(outsider.sub);

    const added = await syncReadModel(deps, 'admin');
    expect(added.changes).toContainEqual({
      kind: 'account',
      id: outsider.sub,
      change: 'added',
      fields: '',
    });
    expect(
      (await customerRecords(deps)).find((record) => record.sub === outsider.sub),
    ).toMatchObject({ email: outsider.email, status: 'active', isAdmin: true });

    await deps.cognito.send(
      new AdminDisableUserCommand({ UserPoolId: deps.userPoolId, Username: outsider.username }),
    );
    const disabled = await syncReadModel(deps, 'admin');
    expect(disabled.changes).toContainEqual({
      kind: 'account',
      id: outsider.sub,
      change: 'updated',
      fields: 'status',
    });
    await accounts.removeAll();
    const removed = await syncReadModel(deps, 'admin');
    expect(removed.changes).toContainEqual({
      kind: 'account',
      id: outsider.sub,
      change: 'removed',
    });
    expect((await customerRecords(deps)).map((record) => record.sub)).not.toContain(outsider.sub);
  });
});
