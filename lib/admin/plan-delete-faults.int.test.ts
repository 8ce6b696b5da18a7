import { randomUUID } from 'node:crypto';
import { GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { syncReadModel } from '../gateway/sync';
import { fetchPlan } from '../gateway/usage-plans';
import { customerAudit } from '../store/audit';
import { planRecords } from '../store/read-model-plans';
import { testAdminDeps } from '../testing/admin-deps';
import { dynamoFaults } from '../testing/dynamo-faults';
import { clearFaults, faultRules, injectFault } from '../testing/emulator-faults';
import { planFormSchema } from '../validation/plan-form';
import { createPlan, deletePlan, planSubject } from './plans';

/*
 * Deleting a plan is three steps: DeleteUsagePlan, the audit entry, then the read model's
 * record. A plan cannot be brought back under its id, so each failure leaves a state that
 * deleting again finishes (the plan stays listed until then) or, for the last step, that the
 * sync repairs as well.
 */
const deps = testAdminDeps();
const dynamo = dynamoFaults(deps.dynamo);
const admin = { sub: 'admin-sub', email: 'admin@portico.local' };
let paymentsStage = '';

beforeAll(async () => {
  const apis = await deps.apiGateway.send(new GetRestApisCommand({ limit: 500 }));
  paymentsStage = `${apis.items!.find((api) => api.name === 'Payments')!.id}:prod`;
});

afterEach(async () => {
  await clearFaults();
  dynamo.clear();
});

async function newPlan(): Promise<{ id: string; name: string }> {
  const name = `Doomed ${randomUUID().slice(0, 8)}`;
  const form = planFormSchema.parse({ name, order: '90', visibility: 'hidden', approval: 'auto' });
  return { id: await createPlan(deps, admin, form, paymentsStage), name };
}

/** Where the plan still is: API Gateway, the read model, and how often its deletion was audited. */
async function planState(planId: string) {
  const audit = await customerAudit(deps, planSubject(planId));
  return {
    inGateway: Boolean(await fetchPlan(deps.apiGateway, planId)),
    recorded: (await planRecords(deps)).some((plan) => plan.id === planId),
    deletions: audit.filter((entry) => entry.action === 'plan.deleted').length,
  };
}

const gone = { inGateway: false, recorded: false, deletions: 1 };
const untouched = { inGateway: true, recorded: true, deletions: 0 };

describe('deleting a plan when a step fails', () => {
  // Times: the SDK tries an unavailable call up to five times, a conflict once. (Throttling
  // is retried the same way, after the call budget's pauses: too slow to wait for here.)
  it.each([
    ['ConflictException', 1],
    ['ServiceUnavailableException', 5],
  ] as const)(
    'keeps the plan when DeleteUsagePlan answers %s, and deleting again succeeds',
    async (error, times) => {
      const plan = await newPlan();
      await injectFault({ operation: 'DeleteUsagePlan', error, times, usagePlanId: plan.id });
      await expect(deletePlan(deps, admin, plan.id)).rejects.toThrow(
        `Deleting ${plan.name} failed and nothing changed. Please try again.`,
      );
      expect((await faultRules())[0]?.remaining).toBe(0);
      expect(await planState(plan.id)).toEqual(untouched);

      await deletePlan(deps, admin, plan.id);
      expect(await planState(plan.id)).toEqual(gone);
    },
  );

  it('finishes when DeleteUsagePlan took effect but its answer was lost', async () => {
    const plan = await newPlan();
    await injectFault({
      operation: 'DeleteUsagePlan',
      error: 'ServiceUnavailableException',
      afterChange: true,
      usagePlanId: plan.id,
    });
    await deletePlan(deps, admin, plan.id);
    expect((await faultRules())[0]?.remaining).toBe(0);
    expect(await planState(plan.id)).toEqual(gone);
  });

  it('keeps the plan listed when the audit entry cannot be written, and deleting again finishes', async () => {
    const plan = await newPlan();
    dynamo.add({
      command: 'PutItemCommand',
      kind: 'throttling',
      where: (input) => (input.Item as { action?: string } | undefined)?.action === 'plan.deleted',
    });
    await expect(deletePlan(deps, admin, plan.id)).rejects.toThrow(
      `${plan.name} was deleted in API Gateway, but the portal could not finish recording it. Delete it again to finish.`,
    );
    expect(dynamo.fired()).toEqual([1]);
    expect(await planState(plan.id)).toEqual({ inGateway: false, recorded: true, deletions: 0 });

    await deletePlan(deps, admin, plan.id);
    expect(await planState(plan.id)).toEqual(gone);
  });

  it('leaves a stale record that deleting again or the next sync removes', async () => {
    const forRetry = await newPlan();
    const forSync = await newPlan();
    const recordDelete = (planId: string) => (input: Record<string, unknown>) =>
      (input.Key as { sk?: string } | undefined)?.sk === `PLAN#${planId}`;
    for (const plan of [forRetry, forSync])
      dynamo.add({ command: 'DeleteItemCommand', kind: 'timeout', where: recordDelete(plan.id) });
    for (const plan of [forRetry, forSync]) {
      await expect(deletePlan(deps, admin, plan.id)).rejects.toThrow(/Delete it again to finish/);
      expect(await planState(plan.id)).toEqual({ inGateway: false, recorded: true, deletions: 1 });
    }
    expect(dynamo.fired()).toEqual([1, 1]);

    await deletePlan(deps, admin, forRetry.id);
    expect(await planState(forRetry.id)).toEqual(gone);
    await syncReadModel(deps, 'admin');
    expect(await planState(forSync.id)).toEqual(gone);
  });

  it('says a plan that is gone everywhere does not exist', async () => {
    const plan = await newPlan();
    await deletePlan(deps, admin, plan.id);
    await expect(deletePlan(deps, admin, plan.id)).rejects.toThrow(
      'That plan does not exist (any more).',
    );
  });
});
