'use server';

import 'server-only';
import type { ActionResult } from '../../portal/action-result';
import { planFormSchema } from '../plan-input';
import { createPlan, deletePlan, updatePlan } from '../plans';
import { apiStageInput, planIdInput } from '../schemas';
import { adminDeps } from '../server-deps';
import { runAdminAction } from './run';

const here = { returnTo: '/admin/plans', plans: true };

export async function updatePlanAction(_s: ActionResult, form: FormData) {
  return runAdminAction(
    form,
    planFormSchema.and(planIdInput),
    async (admin, input) => {
      await updatePlan(adminDeps(), admin, input.planId, input);
      return `${input.name} saved.`;
    },
    here,
  );
}

export async function createPlanAction(_s: ActionResult, form: FormData) {
  return runAdminAction(
    form,
    planFormSchema.and(apiStageInput),
    async (admin, input) => {
      await createPlan(adminDeps(), admin, input, input.apiStage);
      return `${input.name} created.`;
    },
    here,
  );
}

export async function deletePlanAction(_s: ActionResult, form: FormData) {
  return runAdminAction(
    form,
    planIdInput,
    async (admin, input) => {
      await deletePlan(adminDeps(), admin, input.planId);
      return 'Plan deleted.';
    },
    here,
  );
}
