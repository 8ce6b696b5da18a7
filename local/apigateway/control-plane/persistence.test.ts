import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GetApiKeyCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  GetStageCommand,
  GetUsageCommand,
  GetUsagePlanCommand,
  GetUsagePlanKeysCommand,
  TagResourceCommand,
} from '@aws-sdk/client-api-gateway';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUnbudgetedApiGatewayClient } from '../../../lib/gateway/client';
import { CorruptStateError, startApiGatewayEmulator, type RunningEmulator } from '../index';
import { deployApi, planWithKey } from './conformance-setup';

let dataDir: string;
const running: RunningEmulator[] = [];
const now = Date.parse('2026-05-04T09:00:00Z');

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'apigateway-state-'));
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
  rmSync(dataDir, { recursive: true, force: true });
});

async function start() {
  const emulator = await startApiGatewayEmulator({ port: 0, dataDir, clock: { now: () => now } });
  running.push(emulator);
  const client = createUnbudgetedApiGatewayClient({
    region: 'us-east-1',
    endpoints: { apiGateway: emulator.url },
  });
  return { emulator, client };
}

async function stop(emulator: RunningEmulator) {
  running.splice(running.indexOf(emulator), 1);
  await emulator.close();
}

const invoke = (emulator: RunningEmulator, apiId: string, keyValue: string) =>
  fetch(`${emulator.url}/restapis/${apiId}/prod/_user_request_/forecast`, {
    headers: { 'x-api-key': keyValue },
  }).then((response) => response.status);

describe('persistence in a data directory', () => {
  it('keeps APIs, stages, plans, keys, links, tags and usage across a restart', async () => {
    const first = await start();
    const apiId = await deployApi(first.client);
    const { planId, keyId, keyValue } = await planWithKey(first.client, apiId, 'prod', {
      quota: { limit: 10, period: 'DAY' },
    });
    await first.client.send(
      new TagResourceCommand({
        resourceArn: `arn:aws:apigateway:us-east-1::/usageplans/${planId}`,
        tags: { tier: 'basic' },
      }),
    );
    expect(await invoke(first.emulator, apiId, keyValue)).toBe(200);
    expect(await invoke(first.emulator, apiId, keyValue)).toBe(200);
    const readAll = async (client: typeof first.client) => {
      const strip = <T extends { $metadata: unknown }>({ $metadata: _, ...rest }: T) => rest;
      return {
        api: strip(await client.send(new GetRestApiCommand({ restApiId: apiId }))),
        stage: strip(
          await client.send(new GetStageCommand({ restApiId: apiId, stageName: 'prod' })),
        ),
        plan: strip(await client.send(new GetUsagePlanCommand({ usagePlanId: planId }))),
        key: strip(await client.send(new GetApiKeyCommand({ apiKey: keyId, includeValue: true }))),
        planKeys: strip(await client.send(new GetUsagePlanKeysCommand({ usagePlanId: planId }))),
        usage: strip(
          await client.send(
            new GetUsageCommand({
              usagePlanId: planId,
              startDate: '2026-05-04',
              endDate: '2026-05-04',
            }),
          ),
        ),
      };
    };
    const before = await readAll(first.client);
    expect(before.usage.items).toEqual({ [keyId]: [[2, 8]] });
    await stop(first.emulator);
    expect(readdirSync(dataDir)).toEqual(['state.json']);

    const second = await start();
    expect(await readAll(second.client)).toEqual(before);
    expect(await invoke(second.emulator, apiId, keyValue)).toBe(200);
    const usage = await second.client.send(
      new GetUsageCommand({ usagePlanId: planId, startDate: '2026-05-04', endDate: '2026-05-04' }),
    );
    expect(usage.items).toEqual({ [keyId]: [[3, 7]] });
  });

  it('starts empty from an empty directory and ignores a temporary file a crash left behind', async () => {
    writeFileSync(join(dataDir, 'state.json.12345.tmp'), '{"restApis": {"half');
    const { client } = await start();
    expect((await client.send(new GetRestApisCommand({}))).items).toEqual([]);
  });

  it.each([
    ['not JSON', '{"restApis": {', /Unexpected end of JSON input|Expected/],
    ['not an object', '[]', /it does not hold a JSON object/],
    ['a list where a map belongs', '{"apiKeys": []}', /the field "apiKeys" has the wrong shape/],
    ['a map where a list belongs', '{"usagePlanKeys": {}}', /the field "usagePlanKeys" has/],
    [
      'null where a map belongs',
      '{"usagePlans": null}',
      /the field "usagePlans" has the wrong shape/,
    ],
    [
      'a string where a map belongs',
      '{"restApis": "x"}',
      /the field "restApis" has the wrong shape/,
    ],
  ])(
    'a state.json that is %s stops the start with CorruptStateError naming the file',
    async (_, text, reason) => {
      const file = join(dataDir, 'state.json');
      writeFileSync(file, text);

      const error = await start().then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(CorruptStateError);
      const message = (error as Error).message;
      expect(message).toContain(`cannot read its state file ${file}:`);
      expect(message).toMatch(reason);
      expect(message).toContain('Delete the file to start from an empty emulator');
    },
  );
});
