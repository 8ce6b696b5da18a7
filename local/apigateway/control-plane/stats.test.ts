import {
  CreateApiKeyCommand,
  GetApiKeyCommand,
  GetUsagePlansCommand,
} from '@aws-sdk/client-api-gateway';
import { describe, expect, it } from 'vitest';
import { deployApi, emulatorPerTest, failure, planWithKey } from './conformance-setup';

const setup = emulatorPerTest();

async function stats(): Promise<unknown> {
  const response = await fetch(`${setup.emulator.url}/_emulator/stats`);
  expect(response.status).toBe(200);
  return response.json();
}

describe('/_emulator/stats', () => {
  it('starts empty', async () => {
    expect(await stats()).toEqual({ calls: {}, throttled: {} });
  });

  it('counts control-plane calls per operation, failed ones included, data-plane ones not', async () => {
    await setup.client.send(new GetUsagePlansCommand({}));
    await setup.client.send(new GetUsagePlansCommand({ limit: 1 }));
    await setup.client.send(new CreateApiKeyCommand({ name: 'alice' }));
    await failure(
      setup.client.send(new GetApiKeyCommand({ apiKey: 'nokey00000' })),
      'NotFoundException',
      404,
    );
    await fetch(`${setup.emulator.url}/domainnames`);

    expect(await stats()).toEqual({
      calls: { GetUsagePlans: 2, CreateApiKey: 1, GetApiKey: 1 },
      throttled: {},
    });
  });

  it('DELETE resets the counts', async () => {
    const apiId = await deployApi(setup.client);
    const { keyValue } = await planWithKey(setup.client, apiId);

    const reset = await fetch(`${setup.emulator.url}/_emulator/stats`, { method: 'DELETE' });
    expect(reset.status).toBe(204);
    expect(await stats()).toEqual({ calls: {}, throttled: {} });

    const invoke = await fetch(
      `${setup.emulator.url}/restapis/${apiId}/prod/_user_request_/forecast`,
      {
        headers: { 'x-api-key': keyValue },
      },
    );
    expect(invoke.status).toBe(200);
    await setup.client.send(new GetUsagePlansCommand({}));
    expect(await stats()).toEqual({ calls: { GetUsagePlans: 1 }, throttled: {} });
  });
});
