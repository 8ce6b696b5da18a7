import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateApiKeyCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  DeleteApiKeyCommand,
  DeleteUsagePlanKeyCommand,
  GetApiKeysCommand,
  GetUsageCommand,
  GetUsagePlansCommand,
  ImportApiKeysCommand,
  paginateGetApiKeys,
  paginateGetUsage,
  UpdateApiKeyCommand,
} from '@aws-sdk/client-api-gateway';
import { emulatorWithMockApi } from './support/mock-api';

/**
 * `npm run bench:keys`: control-plane calls the portal makes, timed with 10,000 keys loaded in
 * one usage plan and a month of usage for a sample of them. The emulator journals to a data
 * directory, as the local stack runs it, so the changes' times include their journal entries;
 * `BENCH_JOURNAL=off` keeps the state in memory, to tell the journal's share from the handler's.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const keyCount = Number(process.env.BENCH_KEYS ?? 10_000);
const repetitions = Number(process.env.BENCH_REPETITIONS ?? 20);

const journaled = process.env.BENCH_JOURNAL !== 'off';
const dataDir = journaled ? mkdtempSync(join(tmpdir(), 'bench-keys-')) : undefined;
const { emulator, client, apiId, invokeUrl } = await emulatorWithMockApi(
  '/ping',
  '{}',
  'prod',
  dataDir,
);
const plan = await client.send(
  new CreateUsagePlanCommand({
    name: 'Everyone',
    apiStages: [{ apiId, stage: 'prod' }],
    quota: { limit: 1_000_000, period: 'MONTH', offset: 0 },
  }),
);

const keyValue = (index: number) => `bench-key-${String(index).padStart(6, '0')}-${'x'.repeat(16)}`;
const csv = ['Name,Key,Enabled,UsageplanIds'];
for (let index = 0; index < keyCount; index += 1) {
  csv.push(`customer-${String(index).padStart(6, '0')},${keyValue(index)},true,${plan.id}`);
}
const started = performance.now();
await client.send(
  new ImportApiKeysCommand({
    body: Buffer.from(csv.join('\n')),
    format: 'csv',
    failOnWarnings: true,
  }),
);
const importMs = performance.now() - started;

// Traffic for a sample of keys, so GetUsage has real numbers to report.
for (let index = 0; index < keyCount; index += 50) {
  await fetch(invokeUrl, { headers: { 'x-api-key': keyValue(index) } }).then((response) =>
    response.arrayBuffer(),
  );
}

const sampleIndex = Math.min(4242, keyCount - 1);
const sampleName = `customer-${String(sampleIndex).padStart(6, '0')}`;
const today = new Date();
const endDate = today.toISOString().slice(0, 10);
const startDate = new Date(today.getTime() - 29 * 86_400_000).toISOString().slice(0, 10);
const someKey = (await client.send(new GetApiKeysCommand({ nameQuery: sampleName }))).items![0]!
  .id!;

/** Times `call` `repetitions` times; `prepare` runs before each call, outside the timing. */
async function time(
  name: string,
  call: () => Promise<unknown>,
  prepare: () => Promise<unknown> = async () => {},
) {
  const samples: number[] = [];
  for (let run = 0; run < repetitions; run += 1) {
    await prepare();
    const begin = performance.now();
    await call();
    samples.push(performance.now() - begin);
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * p))]!;
  console.log(
    `${name.padEnd(58)} p50 ${at(0.5).toFixed(1).padStart(7)} ms   p99 ${at(0.99).toFixed(1).padStart(7)} ms`,
  );
}

console.log(
  `${keyCount} keys in one usage plan, state ${journaled ? 'journaled' : 'in memory'}; ImportApiKeys took ${importMs.toFixed(0)} ms`,
);
await time('GetApiKeys nameQuery (one customer)', () =>
  client.send(new GetApiKeysCommand({ nameQuery: sampleName })),
);
await time('GetApiKeys customerId (no match)', () =>
  client.send(new GetApiKeysCommand({ customerId: 'nobody' })),
);
await time('GetApiKeys, every page of 500', async () => {
  for await (const page of paginateGetApiKeys({ client, pageSize: 500 }, {})) void page;
});
await time('GetUsagePlans keyId', () => client.send(new GetUsagePlansCommand({ keyId: someKey })));
await time('GetUsage one key, 30 days', () =>
  client.send(new GetUsageCommand({ usagePlanId: plan.id!, keyId: someKey, startDate, endDate })),
);
await time('GetUsage whole plan, 30 days, every page of 500', async () => {
  for await (const page of paginateGetUsage(
    { client, pageSize: 500 },
    { usagePlanId: plan.id!, startDate, endDate },
  ))
    void page;
});

// Changes, each journaled before its answer. The account is full (10,000 keys), so a create
// follows a delete that is not timed, and the other way round.
const spare = await client.send(
  new GetApiKeysCommand({ nameQuery: `customer-${String(keyCount - 1).padStart(6, '0')}` }),
);
let spareId: string | undefined = spare.items![0]!.id!;
const createSpare = async () => {
  spareId = (await client.send(new CreateApiKeyCommand({ name: 'spare', enabled: true }))).id!;
};
const deleteSpare = async () => {
  await client.send(new DeleteApiKeyCommand({ apiKey: spareId }));
  spareId = undefined;
};
await time('UpdateApiKey', () =>
  client.send(
    new UpdateApiKeyCommand({
      apiKey: someKey,
      patchOperations: [{ op: 'replace', path: '/description', value: `at ${Date.now()}` }],
    }),
  ),
);
// The data plane's access index follows each change; this is what a request right after one
// pays for it (it used to rebuild the index from every key).
await time('UpdateApiKey, then a request with that key', async () => {
  await client.send(
    new UpdateApiKeyCommand({
      apiKey: someKey,
      patchOperations: [{ op: 'replace', path: '/description', value: `at ${Date.now()}` }],
    }),
  );
  const response = await fetch(invokeUrl, { headers: { 'x-api-key': keyValue(sampleIndex) } });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`the request after the change: ${response.status}`);
});
await time('CreateApiKey', createSpare, async () => {
  if (spareId) await deleteSpare();
});
await time('DeleteApiKey', deleteSpare, async () => {
  if (!spareId) await createSpare();
});
const other = await client.send(new CreateUsagePlanCommand({ name: 'Other' }));
await createSpare();
let linked = false;
await time(
  'CreateUsagePlanKey',
  async () => {
    await client.send(
      new CreateUsagePlanKeyCommand({ usagePlanId: other.id!, keyId: spareId, keyType: 'API_KEY' }),
    );
    linked = true;
  },
  async () => {
    if (linked)
      await client.send(new DeleteUsagePlanKeyCommand({ usagePlanId: other.id!, keyId: spareId }));
    linked = false;
  },
);
await emulator.close();
if (dataDir) rmSync(dataDir, { recursive: true, force: true });
