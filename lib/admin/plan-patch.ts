import { settingsPatch } from '../gateway/plan-settings';
import type { GatewayPlan, PatchOperation } from '../gateway/types';
import type { NewPlan } from '../gateway/usage-plans';
import type { PlanForm } from '../validation/plan-form';

/** The settings a plan form asks for: a rate without a burst gets a burst of the rate. */
export function formSettings(
  form: PlanForm,
): Pick<NewPlan, 'name' | 'description' | 'throttle' | 'quota'> {
  return {
    name: form.name,
    description: form.description,
    ...(form.rateLimit === undefined
      ? {}
      : {
          throttle: {
            rateLimit: form.rateLimit,
            burstLimit: form.burstLimit ?? Math.max(1, Math.ceil(form.rateLimit)),
          },
        }),
    ...(form.quotaLimit === undefined
      ? {}
      : { quota: { limit: form.quotaLimit, period: form.quotaPeriod } }),
  };
}

/** The UpdateUsagePlan patch that turns `current` into the form's values. */
export function planPatch(
  current: Pick<GatewayPlan, 'name' | 'description' | 'throttle' | 'quota'>,
  form: PlanForm,
): PatchOperation[] {
  return settingsPatch(current, formSettings(form));
}
