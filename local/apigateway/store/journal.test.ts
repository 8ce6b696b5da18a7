import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  CreateApiKeyCommand,
  CreateDeploymentCommand,
  CreateStageCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  DeleteApiKeyCommand,
  DeleteRestApiCommand,
  DeleteStageCommand,
  DeleteUsagePlanCommand,
  DeleteUsagePlanKeyCommand,
  GetApiKeysCommand,
  GetUsageCommand,
  GetUsagePlanKeysCommand,
  ImportApiKeysCommand,
  ImportRestApiCommand,
  PutRestApiCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateApiKeyCommand,
  UpdateStageCommand,
  UpdateUsageCommand,
  UpdateUsagePlanCommand,
} from '@aws-sdk/client-api-gateway';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUnbudgetedApiGatewayClient, type GatewayClient } from '../../../lib/gateway/client';
import { asBody, weatherApi } from '../control-plane/conformance-setup';
import { routes } from '../control-plane/routes';
import { startApiGatewayEmulator } from '../server';
import { journalFileName, replayJournal } from './journal';
import { readState, stateFileName } from './state-file';

const asCsv = (lines: string[]) => new TextEncoder().encode(lines.join('\n'));
const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));
let dataDir: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'apigateway-journal-'));
});

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** The emulator as its own process (the CLI), so the test can kill it without warning. */
async function startProcess(): Promise<{
  child: ChildProcess;
  client: GatewayClient;
  url: string;
}> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', cli, '--port', '0', '--data', dataDir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /listening on (http:\S+)/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the emulator exited with ${code}`)));
  });
  const client = createUnbudgetedApiGatewayClient({
    region: 'us-east-1',
    endpoints: { apiGateway: url },
  });
  return { child, client, url };
}

/** Kills `child` without warning and waits until it is gone. */
async function killHard(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** What a restart after a kill would load: the state file plus the journal's lines. */
function stateOnDisk() {
  const state = readState(dataDir);
  replayJournal(dataDir, state);
  return state;
}

describe('the journal', () => {
  it('keeps every acknowledged key and plan link when the process is killed mid-burst', async () => {
    const first = await startProcess();
    const plan = await first.client.send(new CreateUsagePlanCommand({ name: 'Burst' }));
    const acknowledged: { keyId: string; linked: boolean }[] = [];
    const createOne = async (index: number) => {
      const key = await first.client.send(
        new CreateApiKeyCommand({ name: `burst-${index}`, enabled: true }),
      );
      const entry = { keyId: key.id ?? '', linked: false };
      acknowledged.push(entry);
      await first.client.send(
        new CreateUsagePlanKeyCommand({
          usagePlanId: plan.id,
          keyId: entry.keyId,
          keyType: 'API_KEY',
        }),
      );
      entry.linked = true;
    };
    // 40 in flight at once; the kill comes while many are still unanswered.
    const burst = Array.from({ length: 40 }, (_, index) => createOne(index).catch(() => {}));
    while (acknowledged.length < 15) await new Promise((resolve) => setTimeout(resolve, 1));
    first.child.kill('SIGKILL');
    await Promise.all(burst);
    const acked = acknowledged.map((entry) => ({ ...entry }));
    expect(acked.length).toBeGreaterThanOrEqual(15);

    const second = await startProcess();
    const keys = await second.client.send(new GetApiKeysCommand({ limit: 500 }));
    const keyIds = new Set(keys.items?.map((key) => key.id));
    for (const entry of acked) expect(keyIds.has(entry.keyId), entry.keyId).toBe(true);
    const links = await second.client.send(
      new GetUsagePlanKeysCommand({ usagePlanId: plan.id, limit: 500 }),
    );
    const linked = new Set(links.items?.map((link) => link.id));
    for (const entry of acked.filter((candidate) => candidate.linked)) {
      expect(linked.has(entry.keyId), entry.keyId).toBe(true);
    }
    // Compacted on start: the journal's lines are in the state file and the journal is empty.
    expect(statSync(join(dataDir, journalFileName)).size).toBe(0);
    const saved = JSON.parse(readFileSync(join(dataDir, stateFileName), 'utf8')) as {
      apiKeys: Record<string, unknown>;
    };
    for (const entry of acked) expect(Object.keys(saved.apiKeys)).toContain(entry.keyId);
  }, 60_000);

  it('keeps usage metered before a kill: a control-plane change journals the counters first', async () => {
    const first = await startProcess();
    const api = await first.client.send(new ImportRestApiCommand({ body: asBody(weatherApi()) }));
    await first.client.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'prod' }));
    const plan = await first.client.send(
      new CreateUsagePlanCommand({
        name: 'Metered',
        apiStages: [{ apiId: api.id, stage: 'prod' }],
      }),
    );
    const key = await first.client.send(new CreateApiKeyCommand({ name: 'm', enabled: true }));
    await first.client.send(
      new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id, keyType: 'API_KEY' }),
    );
    for (let request = 0; request < 7; request += 1) {
      const response = await fetch(`${first.url}/restapis/${api.id}/prod/_user_request_/forecast`, {
        headers: { 'x-api-key': key.value! },
      });
      expect(response.status).toBe(200);
    }
    // Acknowledged after the 7 requests, so the counters are on disk before its answer.
    await first.client.send(
      new TagResourceCommand({
        resourceArn: `arn:aws:apigateway:us-east-1::/apikeys/${key.id}`,
        tags: { after: 'metering' },
      }),
    );
    await killHard(first.child);

    const second = await startProcess();
    const today = new Date().toISOString().slice(0, 10);
    const usage = await second.client.send(
      new GetUsageCommand({
        usagePlanId: plan.id,
        keyId: key.id,
        startDate: today,
        endDate: today,
      }),
    );
    expect(usage.items?.[key.id!]?.[0]?.[0]).toBe(7);
  }, 60_000);

  it('journals usage on its own, in one line per counter, without a control-plane change', async () => {
    const first = await startProcess();
    const api = await first.client.send(new ImportRestApiCommand({ body: asBody(weatherApi()) }));
    await first.client.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'prod' }));
    const plan = await first.client.send(
      new CreateUsagePlanCommand({
        name: 'Metered',
        apiStages: [{ apiId: api.id, stage: 'prod' }],
      }),
    );
    const key = await first.client.send(new CreateApiKeyCommand({ name: 'm', enabled: true }));
    await first.client.send(
      new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id, keyType: 'API_KEY' }),
    );
    await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${first.url}/restapis/${api.id}/prod/_user_request_/forecast`, {
          headers: { 'x-api-key': key.value! },
        }).then((response) => response.arrayBuffer()),
      ),
    );
    const usageLines = () =>
      readFileSync(join(dataDir, journalFileName), 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('{"usage"'));
    // The flush comes within the interval; poll for it rather than sleep a guessed time.
    await expect.poll(() => usageLines().at(-1) ?? '', { timeout: 10_000 }).toContain('"count":20');
    // 20 requests, far fewer appends: they are batched, not one line per request.
    expect(usageLines().length).toBeLessThan(20);
    await killHard(first.child);

    const second = await startProcess();
    const today = new Date().toISOString().slice(0, 10);
    const usage = await second.client.send(
      new GetUsageCommand({
        usagePlanId: plan.id,
        keyId: key.id,
        startDate: today,
        endDate: today,
      }),
    );
    expect(usage.items?.[key.id!]?.[0]?.[0]).toBe(20);
  }, 60_000);

  it('names what every operation touched: after each change the state on disk equals the one in memory', async () => {
    const emulator = await startApiGatewayEmulator({ port: 0, dataDir });
    const client = createUnbudgetedApiGatewayClient({
      region: 'us-east-1',
      endpoints: { apiGateway: emulator.url },
    });
    try {
      const matchesMemory = () =>
        expect(stateOnDisk()).toEqual(JSON.parse(JSON.stringify(emulator.context.state)));
      const send: typeof client.send = async (command: Parameters<typeof client.send>[0]) => {
        const result = await client.send(command);
        matchesMemory();
        return result;
      };
      const arn = (path: string) => `arn:aws:apigateway:us-east-1::${path}`;
      const tagTwice = async (resourceArn: string) => {
        await send(new TagResourceCommand({ resourceArn, tags: { a: '1', b: '2' } }));
        await send(new UntagResourceCommand({ resourceArn, tagKeys: ['a'] }));
      };

      const api = await send(new ImportRestApiCommand({ body: asBody(weatherApi()) }));
      const apiId = api.id!;
      const deployment = await send(
        new CreateDeploymentCommand({ restApiId: apiId, stageName: 'prod' }),
      );
      await send(
        new CreateStageCommand({
          restApiId: apiId,
          stageName: 'beta',
          deploymentId: deployment.id,
        }),
      );
      await send(
        new UpdateStageCommand({
          restApiId: apiId,
          stageName: 'beta',
          patchOperations: [
            { op: 'replace', path: '/description', value: 'Beta' },
            { op: 'replace', path: '/variables/color', value: 'blue' },
          ],
        }),
      );
      const plan = await send(
        new CreateUsagePlanCommand({ name: 'Basic', apiStages: [{ apiId, stage: 'prod' }] }),
      );
      await send(
        new UpdateUsagePlanCommand({
          usagePlanId: plan.id,
          patchOperations: [
            { op: 'replace', path: '/quota/limit', value: '100' },
            { op: 'replace', path: '/quota/period', value: 'DAY' },
          ],
        }),
      );
      const key = await send(new CreateApiKeyCommand({ name: 'alice', enabled: true }));
      await send(
        new UpdateApiKeyCommand({
          apiKey: key.id,
          patchOperations: [{ op: 'replace', path: '/description', value: 'Alice' }],
        }),
      );
      await send(
        new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id, keyType: 'API_KEY' }),
      );
      const invoked = await fetch(
        `${emulator.url}/restapis/${apiId}/prod/_user_request_/forecast`,
        {
          headers: { 'x-api-key': key.value! },
        },
      );
      expect(invoked.status).toBe(200);
      await send(
        new UpdateUsageCommand({
          usagePlanId: plan.id,
          keyId: key.id,
          patchOperations: [{ op: 'replace', path: '/remaining', value: '500' }],
        }),
      );
      expect(Object.keys(stateOnDisk().usage)).toEqual([plan.id]);
      await tagTwice(arn(`/usageplans/${plan.id}`));
      await tagTwice(arn(`/apikeys/${key.id}`));
      await tagTwice(arn(`/restapis/${apiId}`));
      await tagTwice(arn(`/restapis/${apiId}/stages/beta`));
      const imported = await send(
        new ImportApiKeysCommand({
          format: 'csv',
          body: asCsv([
            'Name,Key,Enabled,UsageplanIds',
            `bob,bob-key-0123456789abcdef,true,${plan.id}`,
            `alice,${key.value},false,`,
            'carol,carol-key-0123456789abcdef,true,unknown-plan',
          ]),
        }),
      );
      expect(imported.warnings).toHaveLength(1);
      const bob = imported.ids!.find((id) => id !== key.id)!;
      await send(new DeleteUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id }));
      await send(new DeleteApiKeyCommand({ apiKey: bob }));
      const spare = await send(new CreateUsagePlanCommand({ name: 'Spare' }));
      await send(new DeleteUsagePlanCommand({ usagePlanId: spare.id }));
      await send(new DeleteStageCommand({ restApiId: apiId, stageName: 'beta' }));
      const other = await send(new ImportRestApiCommand({ body: asBody(weatherApi('Other')) }));
      await send(new CreateDeploymentCommand({ restApiId: other.id, stageName: 'prod' }));
      await send(
        new PutRestApiCommand({
          restApiId: other.id,
          mode: 'overwrite',
          body: asBody(weatherApi('Other v2')),
        }),
      );
      await send(new DeleteRestApiCommand({ restApiId: other.id }));

      // Every operation that changes the state was run above: a new one must be added here.
      const calls = (await (await fetch(`${emulator.url}/_emulator/stats`)).json()) as {
        calls: Record<string, number>;
      };
      const changing = routes.filter((route) => route.method !== 'GET').map((r) => r.operation);
      for (const operation of changing) expect(calls.calls, operation).toHaveProperty(operation);
    } finally {
      client.destroy();
      await emulator.close();
    }
  });

  it('ignores a last line torn by a kill and replays the complete ones', async () => {
    const first = await startApiGatewayEmulator({ port: 0, dataDir });
    const client = createUnbudgetedApiGatewayClient({
      region: 'us-east-1',
      endpoints: { apiGateway: first.url },
    });
    const key = await client.send(new CreateApiKeyCommand({ name: 'kept' }));
    // What a kill leaves: the journal as written, never compacted, plus half a line.
    const journal = readFileSync(join(dataDir, journalFileName), 'utf8');
    expect(journal).toContain(key.id);
    first.context.state.apiKeys = {};
    await first.close();
    appendFileSync(join(dataDir, journalFileName), journal);
    appendFileSync(join(dataDir, journalFileName), '{"put":"apiKeys","id":"torn","val');

    const second = await startApiGatewayEmulator({ port: 0, dataDir });
    try {
      expect(Object.keys(second.context.state.apiKeys)).toEqual([key.id]);
    } finally {
      await second.close();
    }
  });
});
