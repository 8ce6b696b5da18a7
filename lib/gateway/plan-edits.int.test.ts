import { randomUUID } from 'node:crypto';
import {
  CreateUsagePlanCommand,
  DeleteUsagePlanCommand,
  GetRestApisCommand,
  GetUsagePlanCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPlan, deletePlan, planSubject, updatePlan } from '../admin/plans';
import { applyRepairs } from '../portal/repairs';
import { customerAudit } from '../store/audit';
import { planRecords } from '../store/read-model-plans';
import { pendingRepairs } from '../store/repairs';
import { testAdminDeps } from '../testing/admin-deps';
import { clearGatewayFaults, faultRules, injectFault } from '../testing/emulator-faults';
import { planFormSchema } from '../validation/plan-form';
import { syncReadModel } from './sync';

/*
 * A plan spans the local stack's second emulator (eu-west-1) through a namesake usage plan
 * there. An admin's edit reaches both; a namesake that does not take it is left to a repair.
 */
const deps = testAdminDeps();
const peer = deps.peers?.[0];
const admin = { sub: 'admin-sub', email: 'admin@portico.local' };
const made: { home: string; peer: string }[] = [];
let weatherStage = '';
let geocodingStage = { apiId: '', stage: 'prod' };

const form = (fields: Record<string, string>) =>
  planFormSchema.parse({ order: '95', visibility: 'hidden', approval: 'auto', ...fields });

function peerClient() {
  if (!peer) throw new Error('the local stack has no second Region');
  return peer.client;
}

/** A hidden home plan and its namesake in eu-west-1, linked in the read model by a sync. */
async function spanningPlan(): Promise<{ home: string; peer: string; name: string }> {
  const name = `Span ${randomUUID().slice(0, 8)}`;
  const home = await createPlan(
    deps,
    admin,
    form({ name, rateLimit: '2', burstLimit: '4', quotaLimit: '100', quotaPeriod: 'DAY' }),
    weatherStage,
  );
  const created = await peerClient().send(
    new CreateUsagePlanCommand({
      name,
      apiStages: [geocodingStage],
      throttle: { rateLimit: 2, burstLimit: 4 },
      quota: { limit: 100, period: 'DAY' },
    }),
  );
  const plan = { home, peer: created.id ?? '', name };
  made.push(plan);
  await syncReadModel(deps, 'admin');
  expect(await linkOf(home)).toEqual([{ gateway: 'eu-west-1', id: plan.peer }]);
  return plan;
}

const linkOf = async (planId: string) =>
  (await planRecords(deps)).find((plan) => plan.id === planId)?.linked;

const limitsOf = async (client: typeof deps.apiGateway, usagePlanId: string) => {
  const plan = await client.send(new GetUsagePlanCommand({ usagePlanId }));
  return {
    name: plan.name,
    description: plan.description,
    throttle: plan.throttle,
    quota: { limit: plan.quota?.limit, period: plan.quota?.period },
  };
};

const edited = (name: string) =>
  form({
    name,
    description: 'Edited everywhere',
    rateLimit: '7',
    burstLimit: '14',
    quotaLimit: '500',
    quotaPeriod: 'WEEK',
  });

const editedLimits = (name: string) => ({
  name,
  description: 'Edited everywhere',
  throttle: { rateLimit: 7, burstLimit: 14 },
  quota: { limit: 500, period: 'WEEK' },
});

beforeAll(async () => {
  const apis = await deps.apiGateway.send(new GetRestApisCommand({ limit: 500 }));
  weatherStage = `${apis.items?.find((api) => api.name === 'Weather')?.id}:prod`;
  const peerApis = await peerClient().send(new GetRestApisCommand({ limit: 500 }));
  geocodingStage = {
    apiId: peerApis.items?.find((api) => api.name === 'Geocoding')?.id ?? '',
    stage: 'prod',
  };
});

afterEach(() => clearGatewayFaults('eu-west-1'));

afterAll(async () => {
  for (const plan of made) {
    await deletePlan(deps, admin, plan.home);
    await peerClient().send(new DeleteUsagePlanCommand({ usagePlanId: plan.peer }));
  }
  await syncReadModel(deps, 'admin');
});

describe('editing a plan that spans two Regions', () => {
  it('changes the name, description, rate, burst and quota in both, and the plans stay linked', async () => {
    const plan = await spanningPlan();
    const renamed = `${plan.name} renamed`;
    expect(await updatePlan(deps, admin, plan.home, edited(renamed))).toEqual({
      pendingGateways: [],
    });
    expect(await limitsOf(deps.apiGateway, plan.home)).toEqual(editedLimits(renamed));
    expect(await limitsOf(peerClient(), plan.peer)).toEqual(editedLimits(renamed));
    expect(await linkOf(plan.home)).toEqual([{ gateway: 'eu-west-1', id: plan.peer }]);
  });

  it('leaves a repair when the second Region fails, which housekeeping finishes', async () => {
    const plan = await spanningPlan();
    // The SDK tries an unavailable call five times.
    await injectFault(
      {
        operation: 'UpdateUsagePlan',
        error: 'ServiceUnavailableException',
        times: 5,
        usagePlanId: plan.peer,
      },
      'eu-west-1',
    );
    expect(await updatePlan(deps, admin, plan.home, edited(plan.name))).toEqual({
      pendingGateways: ['eu-west-1'],
    });
    expect((await faultRules('eu-west-1'))[0]?.remaining).toBe(0);
    expect(await limitsOf(deps.apiGateway, plan.home)).toEqual(editedLimits(plan.name));
    expect((await limitsOf(peerClient(), plan.peer)).throttle).toEqual({
      rateLimit: 2,
      burstLimit: 4,
    });
    const repairs = (await pendingRepairs(deps)).filter(
      (repair) => repair.customerSub === planSubject(plan.home),
    );
    expect(repairs).toMatchObject([
      {
        kind: 'align-linked-plan',
        planId: plan.home,
        gateway: 'eu-west-1',
        linkedPlanId: plan.peer,
      },
    ]);

    await applyRepairs(deps);
    expect(await limitsOf(peerClient(), plan.peer)).toEqual(editedLimits(plan.name));
    const left = (await pendingRepairs(deps)).filter(
      (repair) => repair.customerSub === planSubject(plan.home),
    );
    expect(left).toEqual([]);
    const audit = await customerAudit(deps, planSubject(plan.home));
    expect(
      audit.map((entry) => [entry.action, entry.details.pendingIn ?? entry.details.repair]),
    ).toEqual([
      ['plan.updated', 'align-linked-plan'],
      ['plan.updated', 'eu-west-1'],
      ['plan.created', undefined],
    ]);
  });
});
