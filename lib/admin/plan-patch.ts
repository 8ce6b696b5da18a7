import type { GatewayPlan, PatchOperation } from '../gateway/types';
import type { PlanForm } from '../validation/plan-form';

const replace = (path: string, value: string | number): PatchOperation => ({
  op: 'replace',
  path,
  value: String(value),
});

/**
 * The UpdateUsagePlan patch that turns `current` into the form's values: only what changed,
 * so an unchanged save sends nothing and a removed limit is removed, not set to zero.
 */
export function planPatch(
  current: Pick<GatewayPlan, 'name' | 'description' | 'throttle' | 'quota'>,
  form: PlanForm,
): PatchOperation[] {
  const ops: PatchOperation[] = [];
  if (current.name !== form.name) ops.push(replace('/name', form.name));
  if ((current.description ?? '') !== form.description) {
    ops.push(replace('/description', form.description));
  }
  if (form.rateLimit === undefined) {
    if (current.throttle) ops.push({ op: 'remove', path: '/throttle' });
  } else {
    if (current.throttle?.rateLimit !== form.rateLimit) {
      ops.push(replace('/throttle/rateLimit', form.rateLimit));
    }
    const burst = form.burstLimit ?? Math.max(1, Math.ceil(form.rateLimit));
    if (current.throttle?.burstLimit !== burst) ops.push(replace('/throttle/burstLimit', burst));
  }
  if (form.quotaLimit === undefined) {
    if (current.quota) ops.push({ op: 'remove', path: '/quota' });
  } else {
    if (current.quota?.limit !== form.quotaLimit) {
      ops.push(replace('/quota/limit', form.quotaLimit));
    }
    if (current.quota?.period !== form.quotaPeriod) {
      ops.push(replace('/quota/period', form.quotaPeriod));
    }
  }
  return ops;
}
