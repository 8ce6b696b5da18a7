import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  gatewayPlanSchema,
  gatewayRestApiSchema,
  type GatewayPlan,
  type GatewayRestApi,
} from '../gateway/types';
import { portalPlans } from '../gateway/plan-links';
import { readPartition } from './partition';
import type { RecordDeps } from './read-model-keys';

/*
 * The portal's copy of API Gateway's usage plans (with their stages) and REST APIs: a few
 * dozen items at most, each list one partition, read whole by the public pages.
 */
const plansPk = 'RM#PLANS';
const apisPk = 'RM#APIS';

export async function putPlanRecord(deps: RecordDeps, plan: GatewayPlan): Promise<void> {
  await deps.dynamo.send(
    new PutCommand({
      TableName: deps.tableName,
      Item: { pk: plansPk, sk: `PLAN#${plan.id}`, ...plan, recordedAt: deps.now() },
    }),
  );
}

export async function deletePlanRecord(deps: RecordDeps, planId: string): Promise<void> {
  await deps.dynamo.send(
    new DeleteCommand({ TableName: deps.tableName, Key: { pk: plansPk, sk: `PLAN#${planId}` } }),
  );
}

export async function putRestApiRecord(deps: RecordDeps, api: GatewayRestApi): Promise<void> {
  await deps.dynamo.send(
    new PutCommand({
      TableName: deps.tableName,
      Item: { pk: apisPk, sk: `API#${api.id}`, ...api, recordedAt: deps.now() },
    }),
  );
}

export async function deleteRestApiRecord(deps: RecordDeps, apiId: string): Promise<void> {
  await deps.dynamo.send(
    new DeleteCommand({ TableName: deps.tableName, Key: { pk: apisPk, sk: `API#${apiId}` } }),
  );
}

/**
 * The portal's plans: home usage plans, each extended by its namesakes in other gateways
 * (lib/gateway/plan-links). What every page and use case reads.
 */
export async function planRecords(deps: RecordDeps): Promise<GatewayPlan[]> {
  return portalPlans(await readPartition(deps, plansPk, gatewayPlanSchema));
}

/** The usage plans of one gateway as recorded (home's without `gateway`): what a sync compares. */
export async function gatewayPlanRecords(
  deps: RecordDeps,
  gateway?: string,
): Promise<GatewayPlan[]> {
  const plans = await readPartition(deps, plansPk, gatewayPlanSchema);
  return plans.filter((plan) => plan.gateway === gateway);
}

/** The REST APIs of every gateway, each naming its gateway unless it is home's. */
export function restApiRecords(deps: RecordDeps): Promise<GatewayRestApi[]> {
  return readPartition(deps, apisPk, gatewayRestApiSchema);
}

export async function gatewayRestApiRecords(
  deps: RecordDeps,
  gateway?: string,
): Promise<GatewayRestApi[]> {
  return (await restApiRecords(deps)).filter((api) => api.gateway === gateway);
}
