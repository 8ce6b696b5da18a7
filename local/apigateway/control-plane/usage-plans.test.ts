import {
  CreateApiKeyCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  DeleteUsagePlanCommand,
  DeleteUsagePlanKeyCommand,
  GetUsagePlanCommand,
  GetUsagePlansCommand,
  UpdateUsagePlanCommand,
  type PatchOperation,
} from '@aws-sdk/client-api-gateway';
import { describe, expect, it } from 'vitest';
import {
  deployApi,
  emulatorPerTest,
  failure,
  planWithKey,
  singleAttemptClient,
} from './conformance-setup';

const setup = emulatorPerTest();

const patch = (usagePlanId: string, ...patchOperations: PatchOperation[]) =>
  setup.client.send(new UpdateUsagePlanCommand({ usagePlanId, patchOperations }));

describe('CreateUsagePlan and GetUsagePlan', () => {
  it('creates a plan with stages, per-method throttles, throttle, quota and tags', async () => {
    const apiId = await deployApi(setup.client);
    const { $metadata, ...plan } = await setup.client.send(
      new CreateUsagePlanCommand({
        name: 'Gold',
        description: 'For paying customers',
        apiStages: [
          { apiId, stage: 'prod', throttle: { '/forecast/GET': { rateLimit: 2, burstLimit: 4 } } },
        ],
        throttle: { rateLimit: 100.5, burstLimit: 200 },
        quota: { limit: 10000, period: 'MONTH', offset: 2 },
        tags: { tier: 'gold' },
      }),
    );

    expect($metadata.httpStatusCode).toBe(201);
    expect(plan).toEqual({
      id: expect.stringMatching(/^[a-z0-9]{6}$/),
      name: 'Gold',
      description: 'For paying customers',
      apiStages: [
        { apiId, stage: 'prod', throttle: { '/forecast/GET': { rateLimit: 2, burstLimit: 4 } } },
      ],
      throttle: { rateLimit: 100.5, burstLimit: 200 },
      quota: { limit: 10000, period: 'MONTH', offset: 2 },
      tags: { tier: 'gold' },
    });
    const { $metadata: _, ...fetched } = await setup.client.send(
      new GetUsagePlanCommand({ usagePlanId: plan.id! }),
    );
    expect(fetched).toEqual(plan);
  });

  it('a plan without throttle or quota has neither', async () => {
    const plan = await setup.client.send(new CreateUsagePlanCommand({ name: 'Free' }));
    expect(plan.apiStages).toEqual([]);
    expect(plan.throttle).toBeUndefined();
    expect(plan.quota).toBeUndefined();
    expect(plan.tags).toEqual({});
  });

  it('refuses a missing name, an unknown stage and quotas AWS refuses', async () => {
    const apiId = await deployApi(setup.client);
    await failure(
      setup.client.send(new CreateUsagePlanCommand({ name: '' })),
      'BadRequestException',
      400,
    );
    const stage = await failure(
      setup.client.send(
        new CreateUsagePlanCommand({ name: 'x', apiStages: [{ apiId, stage: 'staging' }] }),
      ),
      'NotFoundException',
      404,
    );
    expect(stage.message).toBe(
      `Invalid API Stage {api: ${apiId}, stage: staging} specified for usageplan`,
    );
    const badQuotas = [
      { limit: 10, period: 'DAY' as const, offset: 1 },
      { limit: 10, period: 'WEEK' as const, offset: 7 },
      { limit: 10, period: 'MONTH' as const, offset: 28 },
      { limit: 0, period: 'DAY' as const },
    ];
    for (const quota of badQuotas) {
      await failure(
        setup.client.send(new CreateUsagePlanCommand({ name: 'x', quota })),
        'BadRequestException',
        400,
      );
    }
    const duplicate = [
      { apiId, stage: 'prod' },
      { apiId, stage: 'prod' },
    ];
    await failure(
      setup.client.send(new CreateUsagePlanCommand({ name: 'x', apiStages: duplicate })),
      'BadRequestException',
      400,
    );
    expect((await setup.client.send(new GetUsagePlansCommand({}))).items).toEqual([]);
  });

  it('GetUsagePlan of an unknown id is a NotFoundException', async () => {
    const error = await failure(
      setup.client.send(new GetUsagePlanCommand({ usagePlanId: 'nope00' })),
      'NotFoundException',
      404,
    );
    expect(error.message).toBe('Invalid Usage Plan ID specified');
  });

  it('allows 300 usage plans and refuses the 301st with LimitExceededException', async () => {
    for (let index = 0; index < 300; index += 1) {
      await setup.client.send(new CreateUsagePlanCommand({ name: `plan-${index}` }));
    }
    const error = await failure(
      singleAttemptClient(setup.emulator.url).send(
        new CreateUsagePlanCommand({ name: 'one too many' }),
      ),
      'LimitExceededException',
      429,
    );
    expect(error.message).toBe('You have reached the limit of 300 usage plans');
    const { items } = await setup.client.send(new GetUsagePlansCommand({ limit: 500 }));
    expect(items).toHaveLength(300);
    // 300 creates over HTTP: the timeout only guards against a hang, it does not judge speed.
  }, 60_000);
});

describe('GetUsagePlans', () => {
  it('filters by keyId', async () => {
    const apiId = await deployApi(setup.client);
    const { planId, keyId } = await planWithKey(setup.client, apiId);
    await setup.client.send(new CreateUsagePlanCommand({ name: 'Other' }));

    const withKey = await setup.client.send(new GetUsagePlansCommand({ keyId }));
    expect(withKey.items?.map((plan) => plan.id)).toEqual([planId]);
    const all = await setup.client.send(new GetUsagePlansCommand({}));
    expect(all.items?.map((plan) => plan.name)).toEqual(['Basic', 'Other']);
    const unknownKey = await setup.client.send(new GetUsagePlansCommand({ keyId: 'nokey' }));
    expect(unknownKey.items).toEqual([]);
  });

  it('pages by limit and position', async () => {
    for (const name of ['A', 'B', 'C']) {
      await setup.client.send(new CreateUsagePlanCommand({ name }));
    }
    const first = await setup.client.send(new GetUsagePlansCommand({ limit: 2 }));
    const second = await setup.client.send(
      new GetUsagePlansCommand({ limit: 2, position: first.position }),
    );
    expect(first.items?.map((plan) => plan.name)).toEqual(['A', 'B']);
    expect(first.position).toEqual(expect.any(String));
    expect(second.items?.map((plan) => plan.name)).toEqual(['C']);
    expect(second.position).toBeUndefined();
  });
});

describe('UpdateUsagePlan', () => {
  it('replaces name, description, throttle and quota fields', async () => {
    const plan = await setup.client.send(
      new CreateUsagePlanCommand({
        name: 'Basic',
        throttle: { rateLimit: 1, burstLimit: 1 },
        quota: { limit: 100, period: 'DAY' },
      }),
    );
    const updated = await patch(
      plan.id!,
      { op: 'replace', path: '/name', value: 'Pro' },
      { op: 'replace', path: '/description', value: 'More of everything' },
      { op: 'replace', path: '/throttle/rateLimit', value: '50.5' },
      { op: 'replace', path: '/throttle/burstLimit', value: '75' },
      { op: 'replace', path: '/quota/period', value: 'WEEK' },
      { op: 'replace', path: '/quota/limit', value: '5000' },
      { op: 'replace', path: '/quota/offset', value: '1' },
    );

    expect(updated).toMatchObject({
      name: 'Pro',
      description: 'More of everything',
      throttle: { rateLimit: 50.5, burstLimit: 75 },
      quota: { limit: 5000, period: 'WEEK', offset: 1 },
    });
    const fetched = await setup.client.send(new GetUsagePlanCommand({ usagePlanId: plan.id! }));
    expect(fetched.quota).toEqual({ limit: 5000, period: 'WEEK', offset: 1 });
  });

  it('removes the throttle and the quota', async () => {
    const plan = await setup.client.send(
      new CreateUsagePlanCommand({
        name: 'Basic',
        throttle: { rateLimit: 1, burstLimit: 1 },
        quota: { limit: 100, period: 'DAY' },
      }),
    );
    const updated = await patch(
      plan.id!,
      { op: 'remove', path: '/throttle' },
      { op: 'remove', path: '/quota' },
    );
    expect(updated.throttle).toBeUndefined();
    expect(updated.quota).toBeUndefined();
  });

  it('adds and removes API stages', async () => {
    const first = await deployApi(setup.client, 'prod');
    const second = await deployApi(setup.client, 'prod');
    const plan = await setup.client.send(
      new CreateUsagePlanCommand({ name: 'Basic', apiStages: [{ apiId: first, stage: 'prod' }] }),
    );

    const added = await patch(plan.id!, {
      op: 'add',
      path: '/apiStages',
      value: `${second}:prod`,
    });
    expect(added.apiStages).toEqual([
      { apiId: first, stage: 'prod' },
      { apiId: second, stage: 'prod' },
    ]);
    const removed = await patch(plan.id!, {
      op: 'remove',
      path: '/apiStages',
      value: `${first}:prod`,
    });
    expect(removed.apiStages).toEqual([{ apiId: second, stage: 'prod' }]);

    await failure(
      patch(plan.id!, { op: 'add', path: '/apiStages', value: `${second}:prod` }),
      'ConflictException',
      409,
    );
    await failure(
      patch(plan.id!, { op: 'remove', path: '/apiStages', value: `${first}:prod` }),
      'NotFoundException',
      404,
    );
    await failure(
      patch(plan.id!, { op: 'add', path: '/apiStages', value: `${first}:staging` }),
      'NotFoundException',
      404,
    );
  });

  it("sets and removes per-method throttles with AWS's ~1-escaped resource paths", async () => {
    const apiId = await deployApi(setup.client);
    const plan = await setup.client.send(
      new CreateUsagePlanCommand({ name: 'Basic', apiStages: [{ apiId, stage: 'prod' }] }),
    );
    const stagePath = `/apiStages/${apiId}:prod/throttle`;

    const set = await patch(
      plan.id!,
      { op: 'replace', path: `${stagePath}/~1forecast/GET/rateLimit`, value: '2.5' },
      { op: 'replace', path: `${stagePath}/~1forecast/GET/burstLimit`, value: '5' },
      { op: 'add', path: `${stagePath}/~1forecast~1{city}/GET/rateLimit`, value: '1' },
    );
    expect(set.apiStages).toEqual([
      {
        apiId,
        stage: 'prod',
        throttle: {
          '/forecast/GET': { rateLimit: 2.5, burstLimit: 5 },
          '/forecast/{city}/GET': { rateLimit: 1 },
        },
      },
    ]);

    const one = await patch(plan.id!, { op: 'remove', path: `${stagePath}/~1forecast/GET` });
    expect(one.apiStages?.[0]?.throttle).toEqual({ '/forecast/{city}/GET': { rateLimit: 1 } });
    const none = await patch(plan.id!, { op: 'remove', path: stagePath });
    expect(none.apiStages).toEqual([{ apiId, stage: 'prod' }]);
  });

  it('refuses a method the stage does not serve and a stage the plan does not cover', async () => {
    const apiId = await deployApi(setup.client);
    const plan = await setup.client.send(
      new CreateUsagePlanCommand({ name: 'Basic', apiStages: [{ apiId, stage: 'prod' }] }),
    );
    await failure(
      patch(plan.id!, {
        op: 'replace',
        path: `/apiStages/${apiId}:prod/throttle/~1forecast/POST/rateLimit`,
        value: '1',
      }),
      'BadRequestException',
      400,
    );
    await failure(
      patch(plan.id!, {
        op: 'replace',
        path: `/apiStages/${apiId}:beta/throttle/~1forecast/GET/rateLimit`,
        value: '1',
      }),
      'NotFoundException',
      404,
    );
  });

  it('applies all operations or none: a bad one leaves the plan as it was', async () => {
    const plan = await setup.client.send(
      new CreateUsagePlanCommand({ name: 'Basic', quota: { limit: 100, period: 'MONTH' } }),
    );
    await failure(
      patch(
        plan.id!,
        { op: 'replace', path: '/name', value: 'Renamed' },
        { op: 'replace', path: '/quota/period', value: 'DAY' },
        { op: 'replace', path: '/quota/offset', value: '3' },
      ),
      'BadRequestException',
      400,
    );
    await failure(
      patch(plan.id!, { op: 'replace', path: '/productCode', value: 'x' }),
      'BadRequestException',
      400,
    );
    await failure(
      patch(plan.id!, { op: 'replace', path: '/throttle/rateLimit', value: '-1' }),
      'BadRequestException',
      400,
    );
    const fetched = await setup.client.send(new GetUsagePlanCommand({ usagePlanId: plan.id! }));
    expect(fetched.name).toBe('Basic');
    expect(fetched.quota).toEqual({ limit: 100, period: 'MONTH', offset: 0 });
  });

  it('of an unknown plan is a NotFoundException', async () => {
    await failure(
      patch('nope00', { op: 'replace', path: '/name', value: 'x' }),
      'NotFoundException',
      404,
    );
  });
});

describe('DeleteUsagePlan', () => {
  it('is refused while keys are attached, and allowed once they are gone', async () => {
    const apiId = await deployApi(setup.client);
    const { planId, keyId } = await planWithKey(setup.client, apiId);

    const error = await failure(
      setup.client.send(new DeleteUsagePlanCommand({ usagePlanId: planId })),
      'BadRequestException',
      400,
    );
    expect(error.message).toBe(
      `Cannot delete Usage Plan ${planId}: 1 API key(s) are still associated with it`,
    );

    await setup.client.send(new DeleteUsagePlanKeyCommand({ usagePlanId: planId, keyId }));
    const deleted = await setup.client.send(new DeleteUsagePlanCommand({ usagePlanId: planId }));
    expect(deleted.$metadata.httpStatusCode).toBe(202);
    await failure(
      setup.client.send(new GetUsagePlanCommand({ usagePlanId: planId })),
      'NotFoundException',
      404,
    );
    await failure(
      setup.client.send(new DeleteUsagePlanCommand({ usagePlanId: planId })),
      'NotFoundException',
      404,
    );
  });

  it('frees the stage for another plan of the same keys', async () => {
    const apiId = await deployApi(setup.client);
    const first = await setup.client.send(
      new CreateUsagePlanCommand({ name: 'First', apiStages: [{ apiId, stage: 'prod' }] }),
    );
    await setup.client.send(new DeleteUsagePlanCommand({ usagePlanId: first.id! }));
    const second = await setup.client.send(
      new CreateUsagePlanCommand({ name: 'Second', apiStages: [{ apiId, stage: 'prod' }] }),
    );
    const key = await setup.client.send(new CreateApiKeyCommand({ name: 'k' }));
    const planKey = await setup.client.send(
      new CreateUsagePlanKeyCommand({
        usagePlanId: second.id!,
        keyId: key.id!,
        keyType: 'API_KEY',
      }),
    );
    expect(planKey.id).toBe(key.id);
  });
});
