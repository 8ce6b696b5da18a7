import type { GatewayPlan, PatchOperation } from './types';

/**
 * What a plan edit sets on a usage plan: its name, description and limits. A plan that spans
 * gateways (./plan-links) carries the same settings in each, so the edit is one target that
 * each gateway's usage plan is patched to.
 */
export interface PlanSettings {
  name: string;
  description: string;
  throttle?: { rateLimit?: number; burstLimit?: number };
  quota?: { limit?: number; period?: string };
}

/** A usage plan's own settings: what its namesakes in other gateways are brought in line with. */
export const settingsOf = (plan: GatewayPlan): PlanSettings => ({
  name: plan.name,
  description: plan.description ?? '',
  ...(plan.throttle ? { throttle: plan.throttle } : {}),
  ...(plan.quota ? { quota: { limit: plan.quota.limit, period: plan.quota.period } } : {}),
});

const replace = (path: string, value: string | number): PatchOperation => ({
  op: 'replace',
  path,
  value: String(value),
});

/**
 * The UpdateUsagePlan patch that turns `current` into `target`: only what differs, so an
 * unchanged save sends nothing and a removed limit is removed, not set to zero.
 */
export function settingsPatch(
  current: Pick<GatewayPlan, 'name' | 'description' | 'throttle' | 'quota'>,
  target: PlanSettings,
): PatchOperation[] {
  const ops: PatchOperation[] = [];
  if (current.name !== target.name) ops.push(replace('/name', target.name));
  if ((current.description ?? '') !== target.description) {
    ops.push(replace('/description', target.description));
  }
  if (!target.throttle) {
    if (current.throttle) ops.push({ op: 'remove', path: '/throttle' });
  } else {
    const { rateLimit, burstLimit } = target.throttle;
    if (rateLimit !== undefined && current.throttle?.rateLimit !== rateLimit) {
      ops.push(replace('/throttle/rateLimit', rateLimit));
    }
    if (burstLimit !== undefined && current.throttle?.burstLimit !== burstLimit) {
      ops.push(replace('/throttle/burstLimit', burstLimit));
    }
  }
  if (!target.quota) {
    if (current.quota) ops.push({ op: 'remove', path: '/quota' });
  } else {
    const { limit, period } = target.quota;
    if (limit !== undefined && current.quota?.limit !== limit) {
      ops.push(replace('/quota/limit', limit));
    }
    if (period !== undefined && current.quota?.period !== period) {
      ops.push(replace('/quota/period', period));
    }
  }
  return ops;
}
