import {
  CreateUsagePlanCommand,
  DeleteUsagePlanCommand,
  GetUsagePlanCommand,
  GetUsagePlanKeysCommand,
  GetUsagePlansCommand,
} from '@aws-sdk/client-api-gateway';
import { putPlanRecord } from '../store/read-model-plans';
import type { GatewayClient } from './client';
import type { GatewayDeps } from './deps';
import { orUndefinedIfMissing } from './errors';
import { allPages } from './pagination';
import { reshapeAll, reshapePlan } from './reshape';
import type { ApiStage, GatewayPlan } from './types';

/** One usage plan, or undefined when it does not exist (any more). */
export async function fetchPlan(
  client: GatewayClient,
  planId: string,
): Promise<GatewayPlan | undefined> {
  const raw = await orUndefinedIfMissing(
    client.send(new GetUsagePlanCommand({ usagePlanId: planId })),
  );
  return raw && reshapePlan(raw);
}

/** Every usage plan in the account: one call per 500 plans. */
export async function fetchPlans(client: GatewayClient): Promise<GatewayPlan[]> {
  const plans = await allPages((position) =>
    client.send(new GetUsagePlansCommand({ limit: 500, position })),
  );
  return reshapeAll(plans, reshapePlan);
}

/** The ids of the keys in a plan: one call per 500 keys. */
export async function planKeyIds(client: GatewayClient, planId: string): Promise<string[]> {
  const keys = await allPages((position) =>
    client.send(new GetUsagePlanKeysCommand({ usagePlanId: planId, limit: 500, position })),
  );
  return keys.flatMap((key) => (key.id ? [key.id] : []));
}

export interface NewPlan {
  name: string;
  description: string;
  apiStages: ApiStage[];
  throttle?: { rateLimit: number; burstLimit: number };
  quota?: { limit: number; period: 'DAY' | 'WEEK' | 'MONTH' };
  tags: Record<string, string>;
}

export async function createPlan(deps: GatewayDeps, plan: NewPlan): Promise<GatewayPlan> {
  const created = reshapePlan(await deps.apiGateway.send(new CreateUsagePlanCommand(plan)));
  if (!created) throw new Error('API Gateway created a usage plan without an id');
  await putPlanRecord(deps, created);
  return created;
}

/**
 * Deletes the usage plan in API Gateway; one gone already (an earlier try's lost answer) counts
 * as deleted. The read model's record is the caller's to remove, once the deletion is audited.
 */
export async function deletePlan(deps: GatewayDeps, planId: string): Promise<void> {
  await orUndefinedIfMissing(
    deps.apiGateway.send(new DeleteUsagePlanCommand({ usagePlanId: planId })),
  );
}
