import {
  CreateApiKeyCommand,
  CreateDeploymentCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  DeleteApiKeyCommand,
  DeleteUsagePlanCommand,
  DeleteUsagePlanKeyCommand,
  ImportApiKeysCommand,
  ImportRestApiCommand,
  UpdateApiKeyCommand,
  UpdateUsagePlanCommand,
  type APIGatewayClient,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnbudgetedApiGatewayClient } from '../../../lib/gateway/client';
import { startApiGatewayEmulator, type RunningEmulator } from '../index';
import { stageKey } from '../control-plane/lookup';
import { AccessIndex } from './access-index';

let emulator: RunningEmulator;
let client: APIGatewayClient;

beforeAll(async () => {
  emulator = await startApiGatewayEmulator({ port: 0 });
  client = createUnbudgetedApiGatewayClient({
    region: 'us-east-1',
    endpoints: { apiGateway: emulator.url },
  });
});

afterAll(() => emulator.close());

/** A small deterministic generator, so a failing sequence can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

describe('AccessIndex', () => {
  it(
    'kept up to date change by change answers as one built afresh from the state',
    { timeout: 60_000 },
    async () => {
      const api = await client.send(
        new ImportRestApiCommand({
          body: Buffer.from(
            JSON.stringify({
              openapi: '3.0.1',
              info: { title: 'Index', version: '1' },
              paths: { '/items': { get: { responses: { '200': { description: 'ok' } } } } },
            }),
          ),
        }),
      );
      for (const stageName of ['live', 'beta']) {
        await client.send(new CreateDeploymentCommand({ restApiId: api.id!, stageName }));
      }
      const stages = ['live', 'beta'];
      const { context } = emulator;
      const followed = new AccessIndex(context);
      const changed = context.changed;
      context.changed = (touched) => {
        changed(touched);
        followed.changed(touched);
      };

      const next = random(19);
      const pick = <T>(items: T[]): T | undefined => items[Math.floor(next() * items.length)];
      const keys = () => Object.values(context.state.apiKeys);
      const plans = () => Object.values(context.state.usagePlans);
      const values = new Set<string>();
      const keyIds = new Set<string>();
      let grantsSeen = 0;
      let refusedSeen = 0;
      const operations: (() => Promise<unknown>)[] = [
        () => client.send(new CreateApiKeyCommand({ name: 'k', enabled: next() < 0.7 })),
        () =>
          client.send(
            new UpdateApiKeyCommand({
              apiKey: pick(keys())?.id ?? 'none',
              patchOperations: [{ op: 'replace', path: '/enabled', value: String(next() < 0.5) }],
            }),
          ),
        () => client.send(new DeleteApiKeyCommand({ apiKey: pick(keys())?.id ?? 'none' })),
        () =>
          client.send(
            new CreateUsagePlanCommand({
              name: 'p',
              apiStages: stages
                .filter(() => next() < 0.5)
                .map((stage) => ({ apiId: api.id!, stage })),
              throttle: { rateLimit: 1000, burstLimit: 1000 },
            }),
          ),
        () =>
          client.send(
            new CreateUsagePlanKeyCommand({
              usagePlanId: pick(plans())?.id ?? 'none',
              keyId: pick(keys())?.id ?? 'none',
              keyType: 'API_KEY',
            }),
          ),
        () => {
          const link = pick(context.state.usagePlanKeys);
          return client.send(
            new DeleteUsagePlanKeyCommand({
              usagePlanId: link?.usagePlanId ?? 'none',
              keyId: link?.keyId ?? 'none',
            }),
          );
        },
        () =>
          client.send(
            new UpdateUsagePlanCommand({
              usagePlanId: pick(plans())?.id ?? 'none',
              patchOperations: [
                {
                  op: next() < 0.5 ? 'add' : 'remove',
                  path: '/apiStages',
                  value: `${api.id}:${pick(stages)}`,
                },
              ],
            }),
          ),
        () => client.send(new DeleteUsagePlanCommand({ usagePlanId: pick(plans())?.id ?? 'none' })),
        () => {
          // Overwrites a known key or adds one, possibly into a plan.
          const value = pick(keys())?.value ?? `imported-key-${Math.floor(next() * 1e9)}`;
          const plan = next() < 0.5 ? (pick(plans())?.id ?? '') : '';
          return client.send(
            new ImportApiKeysCommand({
              body: Buffer.from(
                `Name,Key,Enabled,UsagePlanIds\nimported,${value},${next() < 0.5},${plan}\n`,
              ),
              format: 'csv',
            }),
          );
        },
      ];

      for (let step = 0; step < 200; step += 1) {
        // Many of these are refused (a conflict, a plan with keys): a refusal changes nothing.
        await pick(operations)!().catch(() => undefined);
        for (const key of keys()) {
          values.add(key.value);
          keyIds.add(key.id);
        }
        const rebuilt = new AccessIndex(context);
        for (const value of values) {
          expect(followed.keyByValue(value), `step ${step}`).toBe(rebuilt.keyByValue(value));
        }
        for (const keyId of keyIds) {
          for (const stage of stages) {
            const stageId = stageKey(api.id!, stage);
            const grant = followed.grantFor(keyId, stageId);
            expect(grant, `step ${step}`).toEqual(rebuilt.grantFor(keyId, stageId));
            expect(grant?.plan, `step ${step}`).toBe(rebuilt.grantFor(keyId, stageId)?.plan);
            if (grant) grantsSeen += 1;
            if (grant && !context.state.apiKeys[keyId]?.enabled) refusedSeen += 1;
          }
        }
      }
      // The sequence went through the states that matter: keys with grants, enabled and not.
      expect(grantsSeen).toBeGreaterThan(100);
      expect(refusedSeen).toBeGreaterThan(10);
    },
  );
});
