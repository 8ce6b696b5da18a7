import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateUsagePlanKeyCommand,
  GetApiKeysCommand,
  GetUsagePlansCommand,
  ImportApiKeysCommand,
} from '@aws-sdk/client-api-gateway';
import { AdminCreateUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoClient, createDynamoDocumentClient } from '../lib/aws/clients';
import { createApiGatewayClient } from '../lib/gateway/client';
import { loadConfig } from '../lib/config/load';
import { createCustomerKey } from '../lib/gateway/customer-keys';
import { freePorts } from '../local/stack/ports';
import { startLocalStack } from '../local/stack/start-stack';

/**
 * `npm run bench:admin`: the admin customers list's server-side work with 10,000 keys (and 200
 * Cognito customers owning some of them): the keys are imported behind the portal's back, one
 * sync brings them (and the accounts) into the read model (its calls and time are printed), then
 * every load of the list is cold (nothing is cached in the process: the customer directory
 * records, the owned keys, plans and usage are read from DynamoDB, then joined and paged) and
 * must make no API Gateway or Cognito call. Page rendering is not included. Target: p50 ≤ 300 ms.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const totalKeys = Number(process.env.BENCH_KEYS ?? 10_000);
const customers = Number(process.env.BENCH_CUSTOMERS ?? 200);
const repetitions = Number(process.env.BENCH_REPETITIONS ?? 10);

const stateDir = mkdtempSync(join(tmpdir(), 'portico-bench-admin-'));
const stack = await startLocalStack({ ports: await freePorts(), stateDir });
// The portal's own modules read their configuration from the environment on first use.
Object.assign(process.env, stack.env);
const config = loadConfig(stack.env);
const apiGateway = createApiGatewayClient(config);
const cognito = createCognitoClient(config);
const dynamo = createDynamoDocumentClient(config);

try {
  const plans = (await apiGateway.send(new GetUsagePlansCommand({ limit: 500 }))).items ?? [];
  const bronze = plans.find((plan) => plan.name === 'Bronze')!.id!;
  for (let index = 0; index < customers; index += 1) {
    const email = `bench-${String(index).padStart(4, '0')}@example.test`;
    const user = await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: config.cognito.userPoolId,
        Username: email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: email }],
      }),
    );
    const sub = user.User!.Attributes!.find((attribute) => attribute.Name === 'sub')!.Value!;
    const { key } = await createCustomerKey(
      { apiGateway, dynamo, tableName: config.tableName, now: Date.now },
      { sub, email },
    );
    await apiGateway.send(
      new CreateUsagePlanKeyCommand({ usagePlanId: bronze, keyId: key.id, keyType: 'API_KEY' }),
    );
  }
  const existing = (await apiGateway.send(new GetApiKeysCommand({ limit: 500 }))).items!.length;
  const csv = ['Name,Key,Enabled,UsageplanIds'];
  for (let index = existing; index < totalKeys; index += 1) {
    csv.push(`legacy-${index},bench-admin-key-${String(index).padStart(8, '0')},true,${bronze}`);
  }
  await apiGateway.send(
    new ImportApiKeysCommand({
      body: Buffer.from(csv.join('\n')),
      format: 'csv',
      failOnWarnings: true,
    }),
  );

  const { loadDirectory } = await import('../lib/admin/directory');
  const { syncReadModel } = await import('../lib/gateway/sync');
  const { buildCustomerRows } = await import('../lib/admin/customer-rows');
  const { customersQuerySchema, queryCustomers } = await import('../lib/admin/customers-query');
  const deps = {
    apiGateway,
    cognito,
    dynamo,
    tableName: config.tableName,
    userPoolId: config.cognito.userPoolId,
    adminGroup: config.adminGroup,
    now: Date.now,
    keyGraceMs: 0,
  };
  const query = customersQuerySchema.parse({ q: 'bench-01', sort: 'keyAge', dir: 'desc' });
  const page = async () => {
    const directory = await loadDirectory(deps, { keys: 'owned' });
    return queryCustomers(buildCustomerRows(directory, Date.now()), query);
  };

  async function time(name: string, before: () => void) {
    const samples: number[] = [];
    for (let run = 0; run < repetitions; run += 1) {
      before();
      const begin = performance.now();
      await page();
      samples.push(performance.now() - begin);
    }
    samples.sort((a, b) => a - b);
    const at = (p: number) =>
      samples[Math.min(samples.length - 1, Math.floor(samples.length * p))]!;
    console.log(
      `${name.padEnd(44)} p50 ${at(0.5).toFixed(1).padStart(7)} ms   max ${samples.at(-1)!.toFixed(1).padStart(7)} ms`,
    );
  }

  const syncStarted = performance.now();
  const run = await syncReadModel(deps, 'admin');
  console.log(
    `sync: ${run.keysSeen} keys, ${run.changeCount} records written, ${run.calls} API Gateway calls, ${(performance.now() - syncStarted).toFixed(0)} ms`,
  );
  const directory = await loadDirectory(deps, { keys: 'all' });
  console.log(
    `${directory.keys.length} keys, ${directory.users.length} accounts, ${directory.plans.length} plans`,
  );
  const statsUrl = `${config.endpoints!.apiGateway}/_emulator/stats`;
  await fetch(statsUrl, { method: 'DELETE' });
  await time('customers list, cold (nothing cached)', () => {});
  const { calls } = (await (await fetch(statsUrl)).json()) as { calls: Record<string, number> };
  console.log(`API Gateway calls of ${repetitions} cold loads: ${JSON.stringify(calls)}`);
} finally {
  await stack.close();
  rmSync(stateDir, { recursive: true, force: true });
}
