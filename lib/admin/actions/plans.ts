'use server';

import 'server-only';
import { serverAction } from '../../server-action/runner';
import { apiStageInput } from '../../validation/admin';
import { planInput } from '../../validation/gateway-ids';
import { planFormSchema } from '../../validation/plan-form';
import { createPlan, deletePlan, updatePlan } from '../plans';
import { adminDeps } from '../server-deps';
import { planPages } from '../revalidation';

const returnTo = '/admin/plans';

export const updatePlanAction = serverAction({
  caller: 'admin',
  returnTo,
  input: planFormSchema.and(planInput),
  run: async (admin, input) => {
    const { pendingGateways } = await updatePlan(adminDeps(), admin, input.planId, input);
    if (pendingGateways.length === 0) return `${input.name} saved.`;
    return `${input.name} saved. ${pendingGateways.join(', ')} did not take the change yet; it follows automatically.`;
  },
  revalidate: planPages,
});

export const createPlanAction = serverAction({
  caller: 'admin',
  returnTo,
  input: planFormSchema.and(apiStageInput),
  run: async (admin, input) => {
    await createPlan(adminDeps(), admin, input, input.apiStage);
    return `${input.name} created.`;
  },
  revalidate: planPages,
});

export const deletePlanAction = serverAction({
  caller: 'admin',
  returnTo,
  input: planInput,
  run: async (admin, { planId }) => {
    await deletePlan(adminDeps(), admin, planId);
    return 'Plan deleted.';
  },
  revalidate: planPages,
});
