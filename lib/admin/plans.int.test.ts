import {
  GetRestApisCommand,
  GetUsagePlanKeysCommand,
  GetUsagePlanCommand,
} from '@aws-sdk/client-api-gateway';
import { beforeAll, describe, expect, it } from 'vitest';
import { planMetadataFromTags } from '../gateway/plan-tags';
import { subscribe, unsubscribe } from '../portal/subscriptions';
import { customerAudit } from '../store/audit';
import { testAdminDeps } from '../testing/admin-deps';
import { newCustomer } from '../testing/portal-deps';
import { planFormSchema } from '../validation/plan-form';
import { createPlan, deletePlan, listAdminPlans, planSubject, updatePlan } from './plans';

const deps = testAdminDeps();
const admin = { sub: 'admin-sub', email: 'admin@portico.local' };
let paymentsStage = '';

const form = (fields: Record<string, string>) =>
  planFormSchema.parse({ order: '50', visibility: 'public', approval: 'auto', ...fields });

beforeAll(async () => {
  const apis = await deps.apiGateway.send(new GetRestApisCommand({ limit: 500 }));
  paymentsStage = `${apis.items!.find((api) => api.name === 'Payments')!.id}:prod`;
});

describe('plans against the local stack', () => {
  it('lists the seeded plans with their APIs and subscriber counts', async () => {
    const bronzeId = (await listAdminPlans(deps)).find((plan) => plan.name === 'Bronze')!.id;
    const customer = await newCustomer();
    await subscribe(deps, customer, bronzeId);
    try {
      const bronze = (await listAdminPlans(deps)).find((plan) => plan.id === bronzeId)!;
      expect(bronze.apis.map((api) => api.label)).toContain('Payments (prod)');
      const keys = await deps.apiGateway.send(
        new GetUsagePlanKeysCommand({ usagePlanId: bronzeId, limit: 500 }),
      );
      expect(bronze.subscribers).toBeGreaterThan(0);
      expect(bronze.subscribers).toBe(keys.items?.length);
    } finally {
      await unsubscribe(deps, customer, bronzeId);
    }
  });

  it('creates a plan for a published API, edits it, and refuses to delete it while it has a subscriber', async () => {
    await expect(createPlan(deps, admin, form({ name: 'Nowhere' }), 'abcdef:prod')).rejects.toThrow(
      /published APIs/,
    );
    const planId = await createPlan(
      deps,
      admin,
      form({ name: 'Test Partner', rateLimit: '3', quotaLimit: '100', quotaPeriod: 'DAY' }),
      paymentsStage,
    );
    await updatePlan(
      deps,
      admin,
      planId,
      form({
        name: 'Test Partner',
        rateLimit: '4',
        burstLimit: '8',
        visibility: 'hidden',
        order: '7',
        audience: 'groups',
        'audience-group:partners': 'on',
      }),
    );
    const plan = await deps.apiGateway.send(new GetUsagePlanCommand({ usagePlanId: planId }));
    expect(plan.throttle).toEqual({ rateLimit: 4, burstLimit: 8 });
    expect(plan.quota).toBeUndefined();
    expect(planMetadataFromTags(plan.tags)).toEqual({
      order: 7,
      visibility: 'hidden',
      approval: 'auto',
      audience: { kind: 'groups', groups: ['partners'] },
    });

    // Public again so a customer can subscribe without an approval.
    await updatePlan(deps, admin, planId, form({ name: 'Test Partner', order: '7' }));
    const customer = await newCustomer();
    await subscribe(deps, customer, planId);
    await expect(deletePlan(deps, admin, planId)).rejects.toThrow(
      'Test Partner still has 1 subscriber: move them to another plan first.',
    );
    await unsubscribe(deps, customer, planId);
    await deletePlan(deps, admin, planId);
    const actions = (await customerAudit(deps, planSubject(planId))).map((entry) => entry.action);
    expect(actions).toEqual(['plan.deleted', 'plan.updated', 'plan.updated', 'plan.created']);
  });
});
