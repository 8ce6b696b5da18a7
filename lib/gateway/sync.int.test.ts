import {
  CreateUsagePlanKeyCommand,
  DeleteApiKeyCommand,
  DeleteUsagePlanKeyCommand,
  GetApiKeysCommand,
  GetUsagePlansCommand,
  ImportApiKeysCommand,
  UpdateApiKeyCommand,
  UpdateUsagePlanCommand,
} from '@aws-sdk/client-api-gateway';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAdminPlans } from '../admin/plans';
import { customerSubscriptions, subscribe } from '../portal/subscriptions';
import { customerAudit } from '../store/audit';
import { allKeyRecords, customerKeyRecords } from '../store/read-model-keys';
import { syncLeaseMs, SyncRunningError } from '../store/sync-lock';
import { syncCursor } from '../store/sync-state';
import { testAdminDeps } from '../testing/admin-deps';
import { clearFaults, injectFault } from '../testing/emulator-faults';
import { emulatorCalls, resetEmulatorCalls, totalCalls } from '../testing/emulator-stats';
import { newCustomer } from '../testing/portal-deps';
import { syncReadModel } from './sync';

const deps = testAdminDeps();
const raw = deps.apiGateway;
const planIds: Record<string, string> = {};

beforeAll(async () => {
  const plans = await raw.send(new GetUsagePlansCommand({ limit: 500 }));
  for (const plan of plans.items ?? []) planIds[plan.name ?? ''] = plan.id ?? '';
  // Whatever earlier test files left behind is not this file's drift.
  await syncReadModel(deps, 'admin');
});

afterAll(async () => {
  await clearFaults();
});

describe('the read-model sync', () => {
  it('repairs every view after keys and plans change behind the portal, once', async () => {
    const customer = await newCustomer();
    await subscribe(deps, customer, planIds.Bronze ?? '');
    const [key] = await customerKeyRecords(deps, customer.sub);
    if (!key) throw new Error('subscribing recorded no key');

    // Behind the portal's back, as with the console or the CLI: the key moves to Silver and
    // is disabled, and Silver is renamed.
    await raw.send(new DeleteUsagePlanKeyCommand({ usagePlanId: planIds.Bronze, keyId: key.id }));
    await raw.send(
      new CreateUsagePlanKeyCommand({
        usagePlanId: planIds.Silver,
        keyId: key.id,
        keyType: 'API_KEY',
      }),
    );
    await raw.send(
      new UpdateApiKeyCommand({
        apiKey: key.id,
        patchOperations: [{ op: 'replace', path: '/enabled', value: 'false' }],
      }),
    );
    await raw.send(
      new UpdateUsagePlanCommand({
        usagePlanId: planIds.Silver,
        patchOperations: [{ op: 'replace', path: '/name', value: 'Silver (renamed)' }],
      }),
    );

    // Until the sync, page views show what the portal recorded, without asking API Gateway.
    await resetEmulatorCalls();
    expect((await customerSubscriptions(deps, customer.sub)).plans.map((p) => p.name)).toEqual([
      'Bronze',
    ]);
    expect((await listAdminPlans(deps)).map((plan) => plan.name)).toContain('Silver');
    expect(totalCalls(await emulatorCalls())).toBe(0);

    const run = await syncReadModel(deps, 'admin');
    expect(run.changes).toEqual(
      expect.arrayContaining([
        { kind: 'key', id: key.id, change: 'updated', fields: 'enabled, planIds' },
        { kind: 'plan', id: planIds.Silver, change: 'updated', fields: 'name' },
      ]),
    );
    // Paged: plans, REST APIs, each plan's keys and the keys, never a call per key.
    const calls = await emulatorCalls();
    expect(calls.GetApiKeys).toBe(1);
    expect(calls.GetUsagePlanKeys).toBe(Object.keys(planIds).length);

    await resetEmulatorCalls();
    const repaired = await customerSubscriptions(deps, customer.sub);
    expect(repaired.key).toBeUndefined();
    const [record] = await customerKeyRecords(deps, customer.sub);
    expect(record).toMatchObject({ enabled: false, planIds: [planIds.Silver] });
    expect((await listAdminPlans(deps)).find((plan) => plan.id === planIds.Silver)).toMatchObject({
      name: 'Silver (renamed)',
    });
    expect(totalCalls(await emulatorCalls())).toBe(0);

    const audit = await customerAudit(deps, customer.sub);
    expect(
      audit.find((entry) => entry.action === 'readmodel.repaired' && entry.details.kind === 'key')
        ?.details,
    ).toMatchObject({
      kind: 'key',
      id: key.id,
      change: 'updated',
    });
    expect((await syncReadModel(deps, 'admin')).changeCount).toBe(0);

    await raw.send(
      new UpdateUsagePlanCommand({
        usagePlanId: planIds.Silver,
        patchOperations: [{ op: 'replace', path: '/name', value: 'Silver' }],
      }),
    );
    await syncReadModel(deps, 'admin');
  });

  it('continues where a run that died half-way stopped, without duplicates', async () => {
    const prefix = `kill-${Date.now()}`;
    const rows = Array.from(
      { length: 520 },
      (_, index) => `${prefix}-${index},${prefix}-value-${index},true`,
    );
    await raw.send(
      new ImportApiKeysCommand({
        body: new TextEncoder().encode(['Name,Key,Enabled', ...rows].join('\n')),
        format: 'csv',
        failOnWarnings: true,
      }),
    );
    // The second page of keys never comes: the run dies with the first page recorded.
    await injectFault({ operation: 'GetApiKeys', error: 'NotFoundException', nth: 2 });
    await expect(syncReadModel(deps, 'admin')).rejects.toThrow();
    await clearFaults();
    const cursor = await syncCursor(deps);
    expect(cursor?.keysSeen).toBe(500);

    const resumed = await syncReadModel(deps, 'admin');
    expect(resumed.resumed).toBe(true);
    expect(await syncCursor(deps)).toBeUndefined();
    const recorded = (await allKeyRecords(deps)).filter((record) => record.name.startsWith(prefix));
    expect(recorded).toHaveLength(520);
    expect(new Set(recorded.map((record) => record.id)).size).toBe(520);

    const imported = await raw.send(new GetApiKeysCommand({ nameQuery: prefix, limit: 500 }));
    const more = await raw.send(
      new GetApiKeysCommand({ nameQuery: prefix, limit: 500, position: imported.position }),
    );
    const ids = [...(imported.items ?? []), ...(more.items ?? [])].map((item) => item.id);
    for (let start = 0; start < ids.length; start += 25) {
      await Promise.all(
        ids.slice(start, start + 25).map((apiKey) => raw.send(new DeleteApiKeyCommand({ apiKey }))),
      );
    }
    // A full run finds what was removed from API Gateway.
    const full = await syncReadModel(deps, 'admin');
    expect(full.changeCount).toBe(520);
    expect((await allKeyRecords(deps)).filter((record) => record.name.startsWith(prefix))).toEqual(
      [],
    );
  }, 120_000);

  it('runs one sync at a time: a second one is told that a sync is already running', async () => {
    const [first, second] = await Promise.allSettled([
      syncReadModel(deps, 'schedule'),
      syncReadModel(deps, 'admin'),
    ]);
    expect([first.status, second.status].sort()).toEqual(['fulfilled', 'rejected']);
    const refused = [first, second].find((outcome) => outcome.status === 'rejected');
    expect(refused?.reason).toBeInstanceOf(SyncRunningError);
    expect(String(refused?.reason)).toContain('A sync is already running');
    // The lock is released: the next run goes ahead.
    expect((await syncReadModel(deps, 'admin')).changeCount).toBe(0);
  });

  it('takes over the lock of a run that died without releasing it, once its lease is over', async () => {
    const lock = { pk: 'RM#SYNC', sk: 'LOCK', owner: 'crashed-run' };
    await deps.dynamo.send(
      new PutCommand({
        TableName: deps.tableName,
        Item: { ...lock, expiresAt: Date.now() + syncLeaseMs },
      }),
    );
    await expect(syncReadModel(deps, 'admin')).rejects.toBeInstanceOf(SyncRunningError);
    await deps.dynamo.send(
      new PutCommand({ TableName: deps.tableName, Item: { ...lock, expiresAt: Date.now() - 1 } }),
    );
    expect((await syncReadModel(deps, 'admin')).changeCount).toBe(0);
  });
});
