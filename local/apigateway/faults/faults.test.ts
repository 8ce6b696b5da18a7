import {
  CreateApiKeyCommand,
  CreateUsagePlanKeyCommand,
  GetApiKeysCommand,
  GetUsagePlansCommand,
  type APIGatewayClient,
} from '@aws-sdk/client-api-gateway';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  deployApi,
  emulatorPerTest,
  failure,
  planWithKey,
  singleAttemptClient,
} from '../control-plane/conformance-setup';

const setup = emulatorPerTest();
let client: APIGatewayClient;
beforeEach(() => {
  client = singleAttemptClient(setup.emulator.url);
});

async function addRule(rule: unknown): Promise<Response> {
  return fetch(`${setup.emulator.url}/_emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(rule),
  });
}

async function rules(): Promise<Array<{ id: string; matched: number; remaining: number }>> {
  const response = await fetch(`${setup.emulator.url}/_emulator/faults`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { rules: [] }).rules;
}

const listPlans = () => client.send(new GetUsagePlansCommand({}));

describe('/_emulator/faults', () => {
  it.each([
    ['TooManyRequestsException', 429, 'Too Many Requests'],
    ['ServiceUnavailableException', 503, 'Service Unavailable'],
    ['ConflictException', 409, 'Conflict (injected fault)'],
    ['NotFoundException', 404, 'Not Found (injected fault)'],
  ])(
    'fails the next call with %s %i in AWS wire format, then lets calls through',
    async (error, status, message) => {
      const added = await addRule({ operation: 'GetUsagePlans', error });
      expect(added.status).toBe(201);

      const raw = await fetch(`${setup.emulator.url}/usageplans`);
      expect(raw.status).toBe(status);
      expect(raw.headers.get('x-amzn-errortype')?.split(':')[0]).toBe(error);
      expect(await raw.json()).toEqual({ message });
      await expect(listPlans()).resolves.toMatchObject({ items: [] });
    },
  );

  it('reaches the SDK as its exception class with the status and a given message', async () => {
    await addRule({ operation: 'GetUsagePlans', error: 'ConflictException', message: 'Busy' });
    const thrown = await failure(listPlans(), 'ConflictException', 409);
    expect(thrown.message).toBe('Busy');
  });

  it('fails the next N calls, leaves other operations alone and lists what fired', async () => {
    await addRule({ operation: 'GetUsagePlans', error: 'ServiceUnavailableException', times: 2 });
    await client.send(new CreateApiKeyCommand({ name: 'unaffected' }));
    await failure(listPlans(), 'ServiceUnavailableException', 503);
    await failure(listPlans(), 'ServiceUnavailableException', 503);
    await listPlans();
    expect(await rules()).toMatchObject([
      { operation: 'GetUsagePlans', times: 2, matched: 3, remaining: 0 },
    ]);
  });

  it('fails only the Nth call', async () => {
    await addRule({ operation: 'GetUsagePlans', error: 'TooManyRequestsException', nth: 3 });
    await listPlans();
    await listPlans();
    await failure(listPlans(), 'TooManyRequestsException', 429);
    await listPlans();
  });

  it('matches the key or plan a call names, in the path or the body', async () => {
    const apiId = await deployApi(setup.client);
    const { planId, keyId } = await planWithKey(setup.client, apiId);
    const other = await client.send(new CreateApiKeyCommand({ name: 'bob', enabled: true }));

    await addRule({ operation: 'CreateUsagePlanKey', error: 'ConflictException', keyId: other.id });
    await addRule({ operation: 'GetUsagePlans', error: 'NotFoundException', keyId });
    await listPlans();
    await client.send(new GetUsagePlansCommand({ keyId: other.id }));
    await failure(client.send(new GetUsagePlansCommand({ keyId })), 'NotFoundException', 404);
    await failure(
      client.send(
        new CreateUsagePlanKeyCommand({ usagePlanId: planId, keyId: other.id, keyType: 'API_KEY' }),
      ),
      'ConflictException',
      409,
    );

    await addRule({ operation: 'GetUsagePlanKeys', error: 'ConflictException', usagePlanId: 'x' });
    await addRule({
      operation: 'GetUsagePlanKeys',
      error: 'NotFoundException',
      usagePlanId: planId,
    });
    const planKeys = await fetch(`${setup.emulator.url}/usageplans/${planId}/keys`);
    expect(planKeys.status).toBe(404);
    expect(await rules()).toMatchObject([
      { remaining: 0 },
      { remaining: 0 },
      { usagePlanId: 'x', matched: 0, remaining: 1 },
      { usagePlanId: planId, matched: 1, remaining: 0 },
    ]);
  });

  it('afterChange applies the call and loses its answer', async () => {
    await addRule({
      operation: 'CreateApiKey',
      error: 'ServiceUnavailableException',
      afterChange: true,
    });
    await failure(
      client.send(new CreateApiKeyCommand({ name: 'lost-answer' })),
      'ServiceUnavailableException',
      503,
    );
    const keys = await client.send(new GetApiKeysCommand({ nameQuery: 'lost-answer' }));
    expect(keys.items?.map((key) => key.name)).toEqual(['lost-answer']);
  });

  it('delays a call that then succeeds', async () => {
    await addRule({ operation: 'GetUsagePlans', delayMs: 150 });
    const started = performance.now();
    await listPlans();
    // A lower bound only: a busy machine makes it slower, never faster.
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  it('counts faulted calls in the stats', async () => {
    await addRule({ operation: 'GetUsagePlans', error: 'ConflictException' });
    await failure(listPlans(), 'ConflictException', 409);
    const stats = await fetch(`${setup.emulator.url}/_emulator/stats`);
    expect(await stats.json()).toEqual({ calls: { GetUsagePlans: 1 }, throttled: {} });
  });

  it('refuses a rule it cannot apply, with the reason', async () => {
    const noEffect = await addRule({ operation: 'GetUsagePlans' });
    expect(noEffect.status).toBe(400);
    expect(await noEffect.json()).toEqual({
      message: 'rule: A rule needs an error, a delayMs or both',
    });
    const unknownError = await addRule({ operation: 'GetUsagePlans', error: 'Oops' });
    expect(unknownError.status).toBe(400);
    expect(((await unknownError.json()) as { message: string }).message).toMatch(/^error: /);
    const both = await addRule({ operation: 'X', error: 'ConflictException', times: 2, nth: 2 });
    expect(both.status).toBe(400);
    expect(await rules()).toEqual([]);
  });

  it('deletes one rule or all of them', async () => {
    const first = (await (await addRule({ operation: 'A', delayMs: 1 })).json()) as {
      rule: { id: string };
    };
    await addRule({ operation: 'B', delayMs: 1 });
    const one = await fetch(`${setup.emulator.url}/_emulator/faults/${first.rule.id}`, {
      method: 'DELETE',
    });
    expect(one.status).toBe(204);
    expect((await rules()).map((rule) => rule.id)).not.toContain(first.rule.id);
    expect(await rules()).toHaveLength(1);
    const again = await fetch(`${setup.emulator.url}/_emulator/faults/${first.rule.id}`, {
      method: 'DELETE',
    });
    expect(again.status).toBe(404);
    const all = await fetch(`${setup.emulator.url}/_emulator/faults`, { method: 'DELETE' });
    expect(all.status).toBe(204);
    expect(await rules()).toEqual([]);
  });
});
