import {
  CreateUsagePlanCommand,
  DeleteUsagePlanCommand,
  GetUsagePlanCommand,
  GetUsagePlanKeysCommand,
  GetUsagePlansCommand,
  TagResourceCommand,
  UpdateUsagePlanCommand,
} from '@aws-sdk/client-api-gateway';
import type { GatewayClient } from './client';
import { orUndefinedIfMissing } from './errors';
import { allPages } from './pagination';
import { reshapeAll, reshapePlan } from './reshape';
import type { ApiStage, GatewayPlan, PatchOperation } from './types';

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

export async function createPlan(client: GatewayClient, plan: NewPlan): Promise<GatewayPlan> {
  const created = reshapePlan(await client.send(new CreateUsagePlanCommand(plan)));
  if (!created) throw new Error('API Gateway created a usage plan without an id');
  return created;
}

export async function updatePlan(
  client: GatewayClient,
  planId: string,
  patchOperations: PatchOperation[],
): Promise<void> {
  await client.send(new UpdateUsagePlanCommand({ usagePlanId: planId, patchOperations }));
}

export async function tagPlan(
  client: GatewayClient,
  planId: string,
  tags: Record<string, string>,
): Promise<void> {
  const resourceArn = `arn:aws:apigateway:${await client.config.region()}::/usageplans/${planId}`;
  await client.send(new TagResourceCommand({ resourceArn, tags }));
}

export async function deletePlan(client: GatewayClient, planId: string): Promise<void> {
  await client.send(new DeleteUsagePlanCommand({ usagePlanId: planId }));
}
