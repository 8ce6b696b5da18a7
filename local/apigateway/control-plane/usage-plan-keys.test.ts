import {
  CreateApiKeyCommand,
  CreateDeploymentCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  DeleteUsagePlanKeyCommand,
  GetUsagePlanKeyCommand,
  GetUsagePlanKeysCommand,
  UpdateUsagePlanCommand,
} from '@aws-sdk/client-api-gateway';
import { describe, expect, it } from 'vitest';
import { deployApi, emulatorPerTest, failure } from './conformance-setup';

const setup = emulatorPerTest();

const value = (suffix: string) => `usage-plan-key-value-${suffix}`;

async function plan(name: string, stages: { apiId: string; stage: string }[] = []) {
  const created = await setup.client.send(new CreateUsagePlanCommand({ name, apiStages: stages }));
  return created.id!;
}

async function key(name: string) {
  const created = await setup.client.send(
    new CreateApiKeyCommand({ name, value: value(name), enabled: true }),
  );
  return created.id!;
}

const addKey = (usagePlanId: string, keyId: string, keyType = 'API_KEY') =>
  setup.client.send(new CreateUsagePlanKeyCommand({ usagePlanId, keyId, keyType }));

describe('CreateUsagePlanKey', () => {
  it('adds a key to a plan and answers with the key', async () => {
    const planId = await plan('Basic');
    const keyId = await key('alice');
    const { $metadata, ...planKey } = await addKey(planId, keyId);

    expect($metadata.httpStatusCode).toBe(201);
    expect(planKey).toEqual({ id: keyId, type: 'API_KEY', value: value('alice'), name: 'alice' });
  });

  it('refuses the same key twice, an unknown key or plan, and a key type other than API_KEY', async () => {
    const planId = await plan('Basic');
    const keyId = await key('alice');
    await addKey(planId, keyId);

    const twice = await failure(addKey(planId, keyId), 'ConflictException', 409);
    expect(twice.message).toBe('Usage Plan Key already exists');
    await failure(addKey(planId, 'nokey00000'), 'NotFoundException', 404);
    await failure(addKey('nopln0', keyId), 'NotFoundException', 404);
    await failure(addKey(planId, keyId, 'JWT'), 'BadRequestException', 400);
  });

  it('enforces one plan per API stage for a key with ConflictException', async () => {
    const apiId = await deployApi(setup.client, 'prod');
    await setup.client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'beta' }));
    const basic = await plan('Basic', [{ apiId, stage: 'prod' }]);
    const premium = await plan('Premium', [{ apiId, stage: 'prod' }]);
    const beta = await plan('Beta', [{ apiId, stage: 'beta' }]);
    const keyId = await key('alice');
    await addKey(basic, keyId);

    const error = await failure(addKey(premium, keyId), 'ConflictException', 409);
    expect(error.message).toBe(
      `Usage Plan ${premium} cannot be added because API Key ${keyId} cannot reference multiple Usage Plans with the same API Stage: ${apiId}:prod`,
    );
    const other = await addKey(beta, keyId);
    expect(other.id).toBe(keyId);

    const widen = await failure(
      setup.client.send(
        new UpdateUsagePlanCommand({
          usagePlanId: beta,
          patchOperations: [{ op: 'add', path: '/apiStages', value: `${apiId}:prod` }],
        }),
      ),
      'ConflictException',
      409,
    );
    expect(widen.message).toContain(basic);
  });
});

describe('GetUsagePlanKey and GetUsagePlanKeys', () => {
  it('GetUsagePlanKey returns a key of the plan, NotFoundException otherwise', async () => {
    const planId = await plan('Basic');
    const inPlan = await key('alice');
    const outside = await key('bob');
    await addKey(planId, inPlan);

    const found = await setup.client.send(
      new GetUsagePlanKeyCommand({ usagePlanId: planId, keyId: inPlan }),
    );
    expect(found).toMatchObject({ id: inPlan, type: 'API_KEY', name: 'alice' });
    const error = await failure(
      setup.client.send(new GetUsagePlanKeyCommand({ usagePlanId: planId, keyId: outside })),
      'NotFoundException',
      404,
    );
    expect(error.message).toBe('Invalid Usage Plan Key identifier specified');
  });

  it('GetUsagePlanKeys lists the keys of one plan, by name prefix with nameQuery', async () => {
    const planId = await plan('Basic');
    const otherPlan = await plan('Other');
    for (const name of ['alice', 'alan', 'bob']) await addKey(planId, await key(name));
    await addKey(otherPlan, await key('albert'));

    const all = await setup.client.send(new GetUsagePlanKeysCommand({ usagePlanId: planId }));
    expect(all.items?.map((item) => item.name)).toEqual(['alice', 'alan', 'bob']);
    const al = await setup.client.send(
      new GetUsagePlanKeysCommand({ usagePlanId: planId, nameQuery: 'al' }),
    );
    expect(al.items?.map((item) => item.name)).toEqual(['alice', 'alan']);
    expect(al.items?.[0]).toEqual({
      id: expect.any(String),
      type: 'API_KEY',
      value: value('alice'),
      name: 'alice',
    });
  });

  it('GetUsagePlanKeys pages by limit and position', async () => {
    const planId = await plan('Basic');
    for (const name of ['k1', 'k2', 'k3']) await addKey(planId, await key(name));

    const first = await setup.client.send(
      new GetUsagePlanKeysCommand({ usagePlanId: planId, limit: 2 }),
    );
    const second = await setup.client.send(
      new GetUsagePlanKeysCommand({ usagePlanId: planId, limit: 2, position: first.position }),
    );
    expect(first.items?.map((item) => item.name)).toEqual(['k1', 'k2']);
    expect(second.items?.map((item) => item.name)).toEqual(['k3']);
    expect(second.position).toBeUndefined();
  });

  it('GetUsagePlanKeys of an unknown plan is a NotFoundException', async () => {
    await failure(
      setup.client.send(new GetUsagePlanKeysCommand({ usagePlanId: 'nopln0' })),
      'NotFoundException',
      404,
    );
  });
});

describe('DeleteUsagePlanKey', () => {
  it('removes the key from the plan, which frees the stage for another plan', async () => {
    const apiId = await deployApi(setup.client, 'prod');
    const basic = await plan('Basic', [{ apiId, stage: 'prod' }]);
    const premium = await plan('Premium', [{ apiId, stage: 'prod' }]);
    const keyId = await key('alice');
    await addKey(basic, keyId);

    const deleted = await setup.client.send(
      new DeleteUsagePlanKeyCommand({ usagePlanId: basic, keyId }),
    );
    expect(deleted.$metadata.httpStatusCode).toBe(202);
    const { items } = await setup.client.send(new GetUsagePlanKeysCommand({ usagePlanId: basic }));
    expect(items).toEqual([]);
    expect((await addKey(premium, keyId)).id).toBe(keyId);

    await failure(
      setup.client.send(new DeleteUsagePlanKeyCommand({ usagePlanId: basic, keyId })),
      'NotFoundException',
      404,
    );
  });
});
