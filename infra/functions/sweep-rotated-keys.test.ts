import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateApiKeyCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  GetApiKeyCommand,
  GetUsagePlansCommand,
  type APIGatewayClient,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiGatewayEmulator, type RunningEmulator } from '../../local/apigateway';
import { deployApi } from '../../local/apigateway/control-plane/conformance-setup';
import { startDynamo, type RunningDynamo } from '../../local/stack/dynamodb';
import { freePort } from '../../local/stack/ports';
import { provisionTable } from '../../local/stack/provision-dynamodb';
import { createDynamoDocumentClient } from '../../lib/aws/clients';
import { createApiGatewayClient, createUnbudgetedApiGatewayClient } from '../../lib/gateway/client';
import type { PortalDeps } from '../../lib/portal/deps';
import { customerAudit } from '../../lib/store/audit';
import { housekeeper, sweepRotatedKeys } from './sweep-rotated-keys';

/*
 * The sweep against the real emulator and dynalite, in this process: the same SDK clients the
 * Lambda builds, only pointed at local endpoints.
 */
const now = Date.UTC(2026, 0, 10);
const tableName = 'portico-sweep-test';
let emulator: RunningEmulator;
let dynamoServer: RunningDynamo;
let stateDir: string;
let setupClient: APIGatewayClient;
let deps: PortalDeps;
let planId = '';

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'portico-sweep-'));
  emulator = await startApiGatewayEmulator({ port: 0, clock: { now: () => now } });
  dynamoServer = await startDynamo({ port: await freePort(), dataDir: stateDir });
  const endpoints = { apiGateway: emulator.url, dynamodb: dynamoServer.url };
  setupClient = createUnbudgetedApiGatewayClient({ region: 'eu-west-1', endpoints });
  const dynamo = createDynamoDocumentClient({ region: 'eu-west-1', endpoints });
  await provisionTable(dynamo, tableName);
  deps = {
    apiGateway: createApiGatewayClient({ region: 'eu-west-1', endpoints }),
    dynamo,
    tableName,
    now: () => now,
    keyGraceMs: 0,
  };
  const apiId = await deployApi(setupClient);
  const plan = await setupClient.send(
    new CreateUsagePlanCommand({ name: 'Bronze', apiStages: [{ apiId, stage: 'prod' }] }),
  );
  planId = plan.id!;
}, 60_000);

afterAll(async () => {
  await emulator.close();
  await dynamoServer.close();
  rmSync(stateDir, { recursive: true, force: true });
});

/** A portal key of `customer` in Bronze, rotated out until `disableAfter` when given. */
async function customerKey(customer: string, disableAfter?: number): Promise<string> {
  const key = await setupClient.send(
    new CreateApiKeyCommand({
      name: `portico-${customer}`,
      customerId: customer,
      enabled: true,
      tags: disableAfter === undefined ? {} : { 'portico:disable-after': String(disableAfter) },
    }),
  );
  await setupClient.send(
    new CreateUsagePlanKeyCommand({ usagePlanId: planId, keyId: key.id!, keyType: 'API_KEY' }),
  );
  return key.id!;
}

async function state(keyId: string) {
  const key = await setupClient.send(new GetApiKeyCommand({ apiKey: keyId }));
  const plans = await setupClient.send(new GetUsagePlansCommand({ keyId }));
  return { enabled: key.enabled, plans: (plans.items ?? []).map((plan) => plan.id) };
}

describe('sweepRotatedKeys', () => {
  it('disables only keys past their grace period, once per customer, and audits it', async () => {
    const oldA = await customerKey('alice', now - 1);
    const newA = await customerKey('alice');
    const oldB = await customerKey('bob', now + 60_000);
    const newC = await customerKey('carol');

    expect(await sweepRotatedKeys(deps)).toEqual({ customers: 1, disabled: 1 });

    expect(await state(oldA)).toEqual({ enabled: false, plans: [] });
    for (const untouched of [newA, oldB, newC]) {
      expect(await state(untouched)).toEqual({ enabled: true, plans: [planId] });
    }
    const [entry, ...others] = await customerAudit(deps, 'alice');
    expect(others).toEqual([]);
    expect(entry).toMatchObject({
      actor: housekeeper,
      action: 'key.disabled',
      details: { keyId: oldA, reason: 'rotation grace period over' },
    });

    expect(await sweepRotatedKeys(deps)).toEqual({ customers: 0, disabled: 0 });
  });
});
