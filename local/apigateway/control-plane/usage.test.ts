import {
  CreateApiKeyCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  GetUsageCommand,
  UpdateUsageCommand,
} from '@aws-sdk/client-api-gateway';
import { describe, expect, it } from 'vitest';
import { deployApi, emulatorPerTest, failure, fakeClock, planWithKey } from './conformance-setup';

const clock = fakeClock('2026-05-04T09:00:00Z');
const setup = emulatorPerTest({ clock });

/** Sends `count` requests to the stage's `/forecast` with `keyValue`; returns their statuses. */
async function call(apiId: string, keyValue: string, count = 1): Promise<number[]> {
  const statuses: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const response = await fetch(
      `${setup.emulator.url}/restapis/${apiId}/prod/_user_request_/forecast`,
      { headers: { 'x-api-key': keyValue } },
    );
    await response.arrayBuffer();
    statuses.push(response.status);
  }
  return statuses;
}

const usage = (usagePlanId: string, startDate: string, endDate: string, extra = {}) =>
  setup.client.send(new GetUsageCommand({ usagePlanId, startDate, endDate, ...extra }));

describe('GetUsage', () => {
  it('gives [used, remaining] per UTC day for each key, as the data plane metered it', async () => {
    const apiId = await deployApi(setup.client);
    const { planId, keyId, keyValue } = await planWithKey(setup.client, apiId, 'prod', {
      quota: { limit: 100, period: 'MONTH' },
    });

    expect(await call(apiId, keyValue, 3)).toEqual([200, 200, 200]);
    clock.set('2026-05-04T23:59:59Z');
    expect(await call(apiId, keyValue)).toEqual([200]);
    clock.set('2026-05-05T00:00:00Z');
    expect(await call(apiId, keyValue, 2)).toEqual([200, 200]);
    expect(await call(apiId, 'not-a-key-of-this-emulator')).toEqual([403]);

    const { $metadata, ...result } = await usage(planId, '2026-05-03', '2026-05-06');
    expect($metadata.httpStatusCode).toBe(200);
    expect(result).toEqual({
      usagePlanId: planId,
      startDate: '2026-05-03',
      endDate: '2026-05-06',
      items: {
        [keyId]: [
          [0, 100],
          [4, 96],
          [2, 94],
          [0, 94],
        ],
      },
    });
  });

  it('counts each key separately, filters by keyId, and gives remaining 0 without a quota', async () => {
    const apiId = await deployApi(setup.client);
    const first = await planWithKey(setup.client, apiId);
    const second = await setup.client.send(new CreateApiKeyCommand({ name: 'b', enabled: true }));
    await setup.client.send(
      new CreateUsagePlanKeyCommand({
        usagePlanId: first.planId,
        keyId: second.id!,
        keyType: 'API_KEY',
      }),
    );
    await call(apiId, first.keyValue, 2);
    await call(apiId, second.value!, 5);

    const all = await usage(first.planId, '2026-05-04', '2026-05-04');
    expect(all.items).toEqual({ [first.keyId]: [[2, 0]], [second.id!]: [[5, 0]] });
    const one = await usage(first.planId, '2026-05-04', '2026-05-04', { keyId: second.id });
    expect(one.items).toEqual({ [second.id!]: [[5, 0]] });
  });

  it('stops counting once the quota is spent: 429 Limit Exceeded is not metered', async () => {
    const apiId = await deployApi(setup.client);
    const { planId, keyId, keyValue } = await planWithKey(setup.client, apiId, 'prod', {
      quota: { limit: 3, period: 'DAY' },
    });
    expect(await call(apiId, keyValue, 5)).toEqual([200, 200, 200, 429, 429]);

    const result = await usage(planId, '2026-05-04', '2026-05-05');
    expect(result.items).toEqual({
      [keyId]: [
        [3, 0],
        [0, 3],
      ],
    });
  });

  it('pages by key', async () => {
    const plan = await setup.client.send(new CreateUsagePlanCommand({ name: 'Many' }));
    const keyIds: string[] = [];
    for (const name of ['a', 'b', 'c']) {
      const key = await setup.client.send(new CreateApiKeyCommand({ name }));
      await setup.client.send(
        new CreateUsagePlanKeyCommand({
          usagePlanId: plan.id!,
          keyId: key.id!,
          keyType: 'API_KEY',
        }),
      );
      keyIds.push(key.id!);
    }

    const first = await usage(plan.id!, '2026-05-04', '2026-05-04', { limit: 2 });
    expect(Object.keys(first.items!)).toHaveLength(2);
    expect(first.position).toEqual(expect.any(String));
    const second = await usage(plan.id!, '2026-05-04', '2026-05-04', {
      limit: 2,
      position: first.position,
    });
    expect(Object.keys(second.items!)).toHaveLength(1);
    expect(second.position).toBeUndefined();
    expect([...Object.keys(first.items!), ...Object.keys(second.items!)].sort()).toEqual(
      [...keyIds].sort(),
    );
  });

  it('refuses bad dates with BadRequestException and an unknown plan with NotFoundException', async () => {
    const plan = await setup.client.send(new CreateUsagePlanCommand({ name: 'Basic' }));
    const badRanges = [
      ['2026-13-01', '2026-13-02'],
      ['05/04/2026', '2026-05-05'],
      ['2026-05-04', 'tomorrow'],
      ['2026-05-05', '2026-05-04'],
      ['2025-01-01', '2026-05-04'],
    ];
    for (const [startDate, endDate] of badRanges) {
      await failure(usage(plan.id!, startDate!, endDate!), 'BadRequestException', 400);
    }
    const error = await failure(
      usage(plan.id!, '2026-05-04', '2026-05-04', { limit: 0 }),
      'BadRequestException',
      400,
    );
    expect(error.message).toBe('Invalid limit: must be between 1 and 500');
    await failure(usage('nopln0', '2026-05-04', '2026-05-04'), 'NotFoundException', 404);
  });
});

describe('UpdateUsage', () => {
  it('replace /remaining extends what is left of the current period', async () => {
    const apiId = await deployApi(setup.client);
    const { planId, keyId, keyValue } = await planWithKey(setup.client, apiId, 'prod', {
      quota: { limit: 5, period: 'DAY' },
    });
    await call(apiId, keyValue, 3);

    const { $metadata, ...result } = await setup.client.send(
      new UpdateUsageCommand({
        usagePlanId: planId,
        keyId,
        patchOperations: [{ op: 'replace', path: '/remaining', value: '10' }],
      }),
    );
    expect($metadata.httpStatusCode).toBe(200);
    expect(result).toEqual({
      usagePlanId: planId,
      startDate: '2026-05-04',
      endDate: '2026-05-04',
      items: { [keyId]: [[3, 10]] },
    });
    const statuses = await call(apiId, keyValue, 11);
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
    expect(statuses.at(-1)).toBe(429);
  });

  it('replace /remaining 0 spends the quota now; the next period starts afresh', async () => {
    const apiId = await deployApi(setup.client);
    const { planId, keyId, keyValue } = await planWithKey(setup.client, apiId, 'prod', {
      quota: { limit: 5, period: 'DAY' },
    });
    await setup.client.send(
      new UpdateUsageCommand({
        usagePlanId: planId,
        keyId,
        patchOperations: [{ op: 'replace', path: '/remaining', value: '0' }],
      }),
    );
    expect(await call(apiId, keyValue)).toEqual([429]);
    clock.set('2026-05-05T00:00:00Z');
    expect(await call(apiId, keyValue)).toEqual([200]);
    const result = await usage(planId, '2026-05-04', '2026-05-05');
    expect(result.items).toEqual({
      [keyId]: [
        [0, 0],
        [1, 4],
      ],
    });
  });

  it('refuses a key outside the plan, a plan without quota and other patch paths', async () => {
    const apiId = await deployApi(setup.client);
    const { planId, keyId } = await planWithKey(setup.client, apiId, 'prod', {
      quota: { limit: 5, period: 'DAY' },
    });
    const outsider = await setup.client.send(new CreateApiKeyCommand({ name: 'outsider' }));
    const noQuota = await setup.client.send(new CreateUsagePlanCommand({ name: 'Unlimited' }));
    await setup.client.send(
      new CreateUsagePlanKeyCommand({
        usagePlanId: noQuota.id!,
        keyId: outsider.id!,
        keyType: 'API_KEY',
      }),
    );
    const replaceRemaining = [{ op: 'replace' as const, path: '/remaining', value: '1' }];

    await failure(
      setup.client.send(
        new UpdateUsageCommand({
          usagePlanId: planId,
          keyId: outsider.id!,
          patchOperations: replaceRemaining,
        }),
      ),
      'NotFoundException',
      404,
    );
    await failure(
      setup.client.send(
        new UpdateUsageCommand({
          usagePlanId: noQuota.id!,
          keyId: outsider.id!,
          patchOperations: replaceRemaining,
        }),
      ),
      'BadRequestException',
      400,
    );
    await failure(
      setup.client.send(
        new UpdateUsageCommand({
          usagePlanId: planId,
          keyId,
          patchOperations: [{ op: 'replace', path: '/used', value: '1' }],
        }),
      ),
      'BadRequestException',
      400,
    );
  });
});
