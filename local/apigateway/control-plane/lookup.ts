import type { EmulatorContext } from '../context';
import { notFound } from '../errors';
import type { ApiKey, RestApi, Stage, UsagePlan } from '../model/types';

/** Finders that fail with AWS's NotFoundException messages. */

export function findRestApi(ctx: EmulatorContext, restApiId: string): RestApi {
  const api = ctx.state.restApis[restApiId];
  if (!api) throw notFound(`Invalid API identifier specified 000000000000:${restApiId}`);
  return api;
}

export const stageKey = (restApiId: string, stageName: string) => `${restApiId}/${stageName}`;

export function findStage(ctx: EmulatorContext, restApiId: string, stageName: string): Stage {
  findRestApi(ctx, restApiId);
  const stage = ctx.state.stages[stageKey(restApiId, stageName)];
  if (!stage) throw notFound('Invalid stage identifier specified');
  return stage;
}

export function findUsagePlan(ctx: EmulatorContext, usagePlanId: string): UsagePlan {
  const plan = ctx.state.usagePlans[usagePlanId];
  if (!plan) throw notFound('Invalid Usage Plan ID specified');
  return plan;
}

export function findApiKey(ctx: EmulatorContext, keyId: string): ApiKey {
  const key = ctx.state.apiKeys[keyId];
  if (!key) throw notFound('Invalid API Key identifier specified');
  return key;
}

/** Seconds since the epoch, the unit API Gateway's JSON timestamps use. */
export const epochSeconds = (ctx: EmulatorContext) => Math.floor(ctx.clock.now() / 1000);
