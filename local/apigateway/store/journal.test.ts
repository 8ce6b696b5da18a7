import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  CreateApiKeyCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  GetApiKeysCommand,
  GetUsagePlanKeysCommand,
} from '@aws-sdk/client-api-gateway';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUnbudgetedApiGatewayClient, type GatewayClient } from '../../../lib/gateway/client';
import { startApiGatewayEmulator } from '../server';
import { journalFileName } from './journal';
import { stateFileName } from './state-file';

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
async function startProcess(): Promise<{ child: ChildProcess; client: GatewayClient }> {
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
  return { child, client };
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
