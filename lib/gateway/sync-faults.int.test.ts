import {
  CreateApiKeyCommand,
  DeleteApiKeyCommand,
  GetApiKeysCommand,
  GetUsagePlanKeysCommand,
  GetUsagePlansCommand,
  UpdateApiKeyCommand,
  UpdateUsagePlanCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAllUsers } from '../admin/cognito-users';
import { customerAudit } from '../store/audit';
import { customerRecords } from '../store/customer-directory';
import { allKeyRecords } from '../store/read-model-keys';
import { planRecords } from '../store/read-model-plans';
import { testAccounts, testAdminDeps } from '../testing/admin-deps';
import { dynamoFaults, type DynamoFaultRule } from '../testing/dynamo-faults';
import { clearFaults, injectFault } from '../testing/emulator-faults';
import type { FaultRuleInput } from '../../local/apigateway/faults/fault-rules';
import { syncReadModel } from './sync';

const deps = testAdminDeps();
const faults = dynamoFaults(deps.dynamo);
const raw = deps.apiGateway;
const accounts = testAccounts(deps);
let silverId = '';
let toggled = '';
const made: string[] = [];

const item = (input: Record<string, unknown>) =>
  (input.Item ?? input.Key ?? {}) as Record<string, unknown>;
const inPartition = (pk: string) => (input: Record<string, unknown>) => item(input).pk === pk;

/** One failure at each step of a sync, in the order the sync meets them. */
const steps: { step: string; emulator?: FaultRuleInput; dynamo?: DynamoFaultRule }[] = [
  {
    step: 'taking the lock',
    dynamo: {
      command: 'PutItemCommand',
      kind: 'throttling',
      where: (input) => item(input).sk === 'LOCK',
    },
  },
  { step: 'listing plans', emulator: { operation: 'GetUsagePlans', error: 'NotFoundException' } },
  { step: 'listing REST APIs', emulator: { operation: 'GetRestApis', error: 'NotFoundException' } },
  {
    step: 'writing a plan record',
    dynamo: { command: 'PutItemCommand', kind: 'timeout', where: inPartition('RM#PLANS') },
  },
  {
    step: 'listing a plan’s keys',
    emulator: { operation: 'GetUsagePlanKeys', error: 'NotFoundException', nth: 2 },
  },
  {
    step: 'reading the key records',
    dynamo: {
      command: 'QueryCommand',
      kind: 'throttling',
      where: (input) =>
        (input.ExpressionAttributeValues as Record<string, unknown>)?.[':pk'] === 'RM#KEYS',
    },
  },
  { step: 'listing keys', emulator: { operation: 'GetApiKeys', error: 'NotFoundException' } },
  {
    step: 'writing a key record',
    dynamo: { command: 'PutItemCommand', kind: 'timeout', where: inPartition('RM#KEYS') },
  },
  {
    step: 'a key record written, its answer lost',
    dynamo: {
      command: 'PutItemCommand',
      kind: 'timeout',
      afterSend: true,
      where: inPartition('RM#KEYS'),
    },
  },
  {
    step: 'renewing the lock',
    dynamo: {
      command: 'UpdateItemCommand',
      kind: 'throttling',
      where: (input) => item(input).sk === 'LOCK',
    },
  },
  {
    step: 'removing a key record',
    dynamo: { command: 'DeleteItemCommand', kind: 'timeout', where: inPartition('RM#KEYS') },
  },
  {
    step: 'auditing a repair',
    dynamo: {
      command: 'PutItemCommand',
      kind: 'throttling',
      where: (input) => String(item(input).pk).startsWith('AUDIT#'),
    },
  },
  {
    step: 'writing an account record',
    dynamo: { command: 'PutItemCommand', kind: 'timeout', where: inPartition('RM#CUSTOMERS') },
  },
  {
    step: 'saving the run',
    dynamo: {
      command: 'PutItemCommand',
      kind: 'throttling',
      where: (input) => item(input).sk === 'LAST',
    },
  },
];

async function allGatewayKeys() {
  const keys = [];
  let position: string | undefined;
  do {
    const page = await raw.send(new GetApiKeysCommand({ limit: 500, position }));
    keys.push(...(page.items ?? []));
    position = page.position;
  } while (position);
  return keys;
}

/** Changes behind the portal's back: a key added, one removed, one toggled, Silver renamed, an account. */
async function drift(round: number) {
  const previous = made.pop();
  if (previous) await raw.send(new DeleteApiKeyCommand({ apiKey: previous }));
  const added = await raw.send(
    new CreateApiKeyCommand({ name: `drift-${Date.now()}-${round}`, enabled: true }),
  );
  made.push(added.id ?? '');
  await raw.send(
    new UpdateApiKeyCommand({
      apiKey: toggled,
      patchOperations: [{ op: 'replace', path: '/enabled', value: String(round % 2 === 0) }],
    }),
  );
  await raw.send(
    new UpdateUsagePlanCommand({
      usagePlanId: silverId,
      patchOperations: [{ op: 'replace', path: '/name', value: `Silver ${round}` }],
    }),
  );
  await accounts.create();
  return added.id ?? '';
}

/** Every view of the read model agrees with API Gateway and Cognito, each record once. */
async function expectInLine() {
  const [keys, records, plans, planRows, users, customers] = await Promise.all([
    allGatewayKeys(),
    allKeyRecords(deps),
    raw.send(new GetUsagePlansCommand({ limit: 500 })),
    planRecords(deps),
    listAllUsers(deps),
    customerRecords(deps),
  ]);
  const memberships = new Map<string, string[]>();
  for (const plan of plans.items ?? []) {
    const planKeys = await raw.send(
      new GetUsagePlanKeysCommand({ usagePlanId: plan.id, limit: 500 }),
    );
    for (const key of planKeys.items ?? [])
      memberships.set(
        key.id ?? '',
        [...(memberships.get(key.id ?? '') ?? []), plan.id ?? ''].sort(),
      );
  }
  const byId = (list: { id?: string }[]) => list.map((entry) => entry.id).sort();
  expect(byId(records)).toEqual(byId(keys));
  for (const key of keys) {
    const record = records.find((candidate) => candidate.id === key.id);
    expect(record).toMatchObject({
      enabled: key.enabled,
      planIds: memberships.get(key.id ?? '') ?? [],
    });
  }
  expect(planRows.map((plan) => [plan.id, plan.name]).sort()).toEqual(
    (plans.items ?? []).map((plan) => [plan.id, plan.name]).sort(),
  );
  expect(customers.map((customer) => customer.sub).sort()).toEqual(
    users.map((user) => user.sub).sort(),
  );
}

beforeAll(async () => {
  const plans = await raw.send(new GetUsagePlansCommand({ limit: 500 }));
  silverId = plans.items?.find((plan) => plan.name === 'Silver')?.id ?? '';
  const key = await raw.send(
    new CreateApiKeyCommand({ name: `toggled-${Date.now()}`, enabled: true }),
  );
  toggled = key.id ?? '';
  await syncReadModel(deps, 'admin');
});

afterAll(async () => {
  faults.clear();
  await clearFaults();
  for (const apiKey of [...made, toggled]) await raw.send(new DeleteApiKeyCommand({ apiKey }));
  await raw.send(
    new UpdateUsagePlanCommand({
      usagePlanId: silverId,
      patchOperations: [{ op: 'replace', path: '/name', value: 'Silver' }],
    }),
  );
  await accounts.removeAll();
  await syncReadModel(deps, 'admin');
});

describe('a sync that fails at any step', () => {
  it.each(steps.map((step, round) => ({ ...step, round })))(
    'is completed by the next run when it fails $step, without duplicates',
    async ({ emulator, dynamo, round }) => {
      const added = await drift(round);
      if (emulator) await injectFault(emulator);
      if (dynamo) faults.add(dynamo);
      await expect(syncReadModel(deps, 'admin')).rejects.toThrow();
      if (dynamo) expect(faults.fired()).toEqual([1]);
      faults.clear();
      await clearFaults();

      const repaired = await syncReadModel(deps, 'admin');
      expect(repaired.resumed).toBe(false);
      await expectInLine();
      // Idempotent: nothing left to repair, and the new key's repair is on record once at most.
      expect((await syncReadModel(deps, 'admin')).changeCount).toBe(0);
      const audits = (await customerAudit(deps, 'sync', 200)).filter(
        (entry) => entry.details.id === added,
      );
      expect(audits.length).toBeLessThanOrEqual(1);
    },
    60_000,
  );
});
