import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { activeKey, findCustomerKeys, plansOfKey } from '../gateway/customer-keys';
import { deleteKey, keyIdsWithValues } from '../gateway/keys';
import { applyRepairs } from '../portal/repairs';
import { pendingRepairs } from '../store/repairs';
import { testAccounts, testAdminDeps } from '../testing/admin-deps';
import { seededStack } from '../testing/seeded-stack';
import { dynamoFaults, type DynamoFaultRule } from '../testing/dynamo-faults';
import { clearFaults, faultRules, injectFault } from '../testing/emulator-faults';
import type { FaultRuleInput } from '../../local/apigateway/faults/fault-rules';
import { importKeyFile } from './key-import';

/*
 * An import is ImportApiKeys (API Gateway's own all-or-nothing), then recording the new keys
 * in the read model, then linking each customer's key (customerId, tag, audit), then the
 * import's audit entry. A failure at any step takes every imported key out again, and the
 * same file imports cleanly on the next try.
 */
const deps = testAdminDeps();
const dynamo = dynamoFaults(deps.dynamo);
const accounts = testAccounts(deps);
const admin = { sub: 'admin-sub', email: 'admin@portico.local' };
const { planIds } = seededStack(deps);
const allValues: string[] = [];
const failed = 'The import failed and nothing was imported. Please try again.';

afterEach(async () => {
  await clearFaults();
  dynamo.clear();
});

afterAll(async () => {
  for (const keyId of await keyIdsWithValues(deps.apiGateway, allValues))
    await deleteKey(deps, keyId);
  await accounts.removeAll();
});

/** A file of two keys: one for nobody (in Bronze), one linked to a new customer (in Silver). */
async function keyFile() {
  const customer = await accounts.create();
  const prefix = `impf-${randomUUID().slice(0, 8)}`;
  const values = [1, 2].map((n) => `${prefix}-value-${String(n).padStart(12, '0')}`);
  allValues.push(...values);
  const text = [
    'Name,Key,Description,Enabled,UsageplanIds,CustomerEmail',
    `${prefix}-legacy,${values[0]},Legacy partner,true,${planIds.Bronze},`,
    `${prefix}-linked,${values[1]},Migrated,true,${planIds.Silver},${customer.email}`,
  ].join('\n');
  return { customer, values, text };
}

/** The file's keys that exist in API Gateway. */
const leftBehind = (values: string[]) => keyIdsWithValues(deps.apiGateway, values);

async function expectImported(file: Awaited<ReturnType<typeof keyFile>>) {
  expect(await importKeyFile(deps, admin, file.text)).toEqual({ imported: 2, linked: 1 });
  expect(await leftBehind(file.values)).toHaveLength(2);
  const linked = activeKey(await findCustomerKeys(deps.apiGateway, file.customer.sub));
  expect((await plansOfKey(deps.apiGateway, linked!.id)).map((plan) => plan.name)).toEqual([
    'Silver',
  ]);
}

describe('a key import when a step fails', () => {
  it.each<[string, FaultRuleInput]>([
    ['ImportApiKeys answers 409', { operation: 'ImportApiKeys', error: 'ConflictException' }],
    [
      'ImportApiKeys took effect but its answer was lost',
      { operation: 'ImportApiKeys', error: 'ServiceUnavailableException', afterChange: true },
    ],
    [
      'giving the key to its customer fails',
      { operation: 'UpdateApiKey', error: 'ConflictException' },
    ],
    ['tagging the key fails', { operation: 'TagResource', error: 'ConflictException' }],
  ])('leaves no key behind when %s, and the retry imports', async (_step, rule) => {
    const file = await keyFile();
    await injectFault(rule);
    await expect(importKeyFile(deps, admin, file.text)).rejects.toThrow(failed);
    expect((await faultRules())[0]?.remaining).toBe(0);
    expect(await leftBehind(file.values)).toEqual([]);
    expect(await findCustomerKeys(deps.apiGateway, file.customer.sub)).toEqual([]);

    await expectImported(file);
  });

  const audit = (input: Record<string, unknown>) =>
    (input.Item as { action?: string } | undefined)?.action === 'key.imported';
  const keyRecord = (input: Record<string, unknown>) =>
    String((input.Item as { sk?: string } | undefined)?.sk).startsWith('KEY#');

  it.each<[string, DynamoFaultRule]>([
    [
      'recording a new key in the read model',
      { command: 'PutItemCommand', kind: 'throttling', where: keyRecord },
    ],
    [
      "writing the linked key's audit entry",
      { command: 'PutItemCommand', kind: 'timeout', where: audit, nth: 1 },
    ],
    [
      "writing the import's audit entry",
      { command: 'PutItemCommand', kind: 'conditional-check', where: audit, nth: 2 },
    ],
  ])('leaves no key behind when %s fails, and the retry imports', async (_step, rule) => {
    const file = await keyFile();
    dynamo.add(rule);
    await expect(importKeyFile(deps, admin, file.text)).rejects.toThrow(failed);
    expect(dynamo.fired()).toEqual([1]);
    expect(await leftBehind(file.values)).toEqual([]);

    dynamo.clear();
    await expectImported(file);
  });

  it('records the keys it could not take out again, and the repair removes them', async () => {
    const file = await keyFile();
    await injectFault({ operation: 'TagResource', error: 'ConflictException' });
    await injectFault({ operation: 'DeleteApiKey', error: 'ConflictException', times: 2 });
    await expect(importKeyFile(deps, admin, file.text)).rejects.toThrow(
      'The import failed. Some imported keys could not be removed yet: they are recorded, and the next sync removes them. Try again after it.',
    );
    const stranded = await leftBehind(file.values);
    expect(stranded).toHaveLength(2);
    const repairs = (await pendingRepairs(deps)).filter(
      (repair) => 'keyId' in repair && stranded.includes(repair.keyId),
    );
    expect(repairs.map((repair) => repair.kind)).toEqual(['delete-key', 'delete-key']);

    await applyRepairs(deps);
    expect(await leftBehind(file.values)).toEqual([]);
    await expectImported(file);
  });
});
