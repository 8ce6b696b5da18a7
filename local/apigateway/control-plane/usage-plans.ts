import type { EmulatorContext } from '../context';
import { badRequest, conflict, limitExceeded, notFound } from '../errors';
import { newId } from '../ids';
import type { ApiStage, UsagePlan } from '../model/types';
import { findRestApi, findStage, findUsagePlan } from './lookup';
import { paginate } from './paging';
import { patchOperationsOf, unsupportedPatch, valueOf, type PatchOperation } from './patch';
import { accepted, created, jsonBody, ok, param, type ControlHandler } from './request';
import {
  checkQuota,
  nonNegativeNumber,
  optionalString,
  quotaOf,
  requiredString,
  tagsOf,
  throttleOf,
} from './validate';
import { usagePlanView } from './views';

/** API Gateway's default quota of usage plans per account and region. */
export const maxUsagePlans = 300;

export const createUsagePlan: ControlHandler = (request) => {
  const { ctx } = request;
  const body = jsonBody(request);
  if (Object.keys(ctx.state.usagePlans).length >= maxUsagePlans) {
    throw limitExceeded(`You have reached the limit of ${maxUsagePlans} usage plans`);
  }
  const apiStages = apiStagesOf(ctx, body.apiStages);
  const plan: UsagePlan = {
    id: newId().slice(0, 6),
    name: requiredString(body.name, 'name'),
    ...descriptionOf(body.description),
    apiStages,
    ...optional('throttle', throttleOf(body.throttle)),
    ...optional('quota', quotaOf(body.quota)),
    tags: tagsOf(body.tags),
  };
  ctx.state.usagePlans[plan.id] = plan;
  ctx.changed({ usagePlans: [plan.id] });
  return created(usagePlanView(plan));
};

export const getUsagePlan: ControlHandler = (request) =>
  ok(usagePlanView(findUsagePlan(request.ctx, param(request, 'usagePlanId'))));

export const getUsagePlans: ControlHandler = ({ ctx, query }) => {
  const keyId = query.get('keyId');
  const planIds = keyId ? planIdsOfKey(ctx, keyId) : undefined;
  const plans = Object.values(ctx.state.usagePlans).filter(
    (plan) => !planIds || planIds.has(plan.id),
  );
  const page = paginate(plans, query);
  return ok({
    item: page.items.map(usagePlanView),
    ...(page.position ? { position: page.position } : {}),
  });
};

export const updateUsagePlan: ControlHandler = (request) => {
  const { ctx } = request;
  const stored = findUsagePlan(ctx, param(request, 'usagePlanId'));
  // Patches apply to a copy so a bad operation in the middle changes nothing.
  const plan = structuredClone(stored);
  for (const operation of patchOperationsOf(jsonBody(request)))
    applyPlanPatch(ctx, plan, operation);
  if (plan.quota) checkQuota(plan.quota);
  ctx.state.usagePlans[plan.id] = plan;
  ctx.changed({ usagePlans: [plan.id] });
  return ok(usagePlanView(plan));
};

export const deleteUsagePlan: ControlHandler = (request) => {
  const { ctx } = request;
  const plan = findUsagePlan(ctx, param(request, 'usagePlanId'));
  const keyCount = ctx.state.usagePlanKeys.filter((entry) => entry.usagePlanId === plan.id).length;
  if (keyCount > 0) {
    throw badRequest(
      `Cannot delete Usage Plan ${plan.id}: ${keyCount} API key(s) are still associated with it`,
    );
  }
  delete ctx.state.usagePlans[plan.id];
  ctx.changed({ usagePlans: [plan.id] });
  return accepted();
};

export function planIdsOfKey(ctx: EmulatorContext, keyId: string): Set<string> {
  return new Set(
    ctx.state.usagePlanKeys
      .filter((entry) => entry.keyId === keyId)
      .map((entry) => entry.usagePlanId),
  );
}

/**
 * The one-plan-per-stage rule: a key may not be in two plans that cover the same API stage.
 * Returns the first stage `plan` shares with another plan of `keyId`, if any. `planIds` are
 * the plans the key is in, for callers that keep them at hand.
 */
export function sharedStage(
  ctx: EmulatorContext,
  keyId: string,
  plan: UsagePlan,
  planIds: ReadonlySet<string> = planIdsOfKey(ctx, keyId),
): { planId: string; apiStage: ApiStage } | undefined {
  for (const otherId of planIds) {
    if (otherId === plan.id) continue;
    const other = ctx.state.usagePlans[otherId];
    const apiStage = plan.apiStages.find((candidate) =>
      other?.apiStages.some(
        (stage) => stage.apiId === candidate.apiId && stage.stage === candidate.stage,
      ),
    );
    if (apiStage) return { planId: otherId, apiStage };
  }
  return undefined;
}

function applyPlanPatch(ctx: EmulatorContext, plan: UsagePlan, operation: PatchOperation): void {
  const { op, path } = operation;
  if (op === 'replace' && path === '/name') plan.name = valueOf(operation);
  else if (op === 'replace' && path === '/description') plan.description = valueOf(operation);
  else if (op === 'remove' && path === '/throttle') delete plan.throttle;
  else if (op === 'remove' && path === '/quota') delete plan.quota;
  else if (op === 'replace' && path === '/throttle/rateLimit') {
    plan.throttle = {
      ...plan.throttle,
      rateLimit: nonNegativeNumber(valueOf(operation), 'rateLimit'),
    };
  } else if (op === 'replace' && path === '/throttle/burstLimit') {
    plan.throttle = {
      ...plan.throttle,
      burstLimit: Math.floor(nonNegativeNumber(valueOf(operation), 'burstLimit')),
    };
  } else if (op === 'replace' && path.startsWith('/quota/')) {
    plan.quota = patchedQuota(plan, path.slice('/quota/'.length), valueOf(operation), operation);
  } else if (path === '/apiStages' && (op === 'add' || op === 'remove')) {
    patchApiStages(ctx, plan, op, valueOf(operation));
  } else if (path.startsWith('/apiStages/')) {
    patchMethodThrottle(ctx, plan, operation);
  } else {
    unsupportedPatch(operation);
  }
}

function patchedQuota(
  plan: UsagePlan,
  field: string,
  value: string,
  operation: PatchOperation,
): NonNullable<UsagePlan['quota']> {
  const quota = { limit: 0, offset: 0, period: 'MONTH' as const, ...plan.quota };
  if (field === 'limit')
    return { ...quota, limit: Math.floor(nonNegativeNumber(value, 'quota limit')) };
  if (field === 'offset')
    return { ...quota, offset: Math.floor(nonNegativeNumber(value, 'quota offset')) };
  if (field === 'period') return { ...quota, period: value as typeof quota.period };
  return unsupportedPatch(operation);
}

function patchApiStages(
  ctx: EmulatorContext,
  plan: UsagePlan,
  op: 'add' | 'remove',
  value: string,
): void {
  const [apiId, stage] = value.split(':');
  if (!apiId || !stage) throw badRequest(`Invalid API stage ${value}: expected apiId:stage`);
  const index = plan.apiStages.findIndex((entry) => entry.apiId === apiId && entry.stage === stage);
  if (op === 'remove') {
    if (index < 0) throw notFound(`API stage ${value} is not in usage plan ${plan.id}`);
    plan.apiStages.splice(index, 1);
    return;
  }
  if (index >= 0) throw conflict(`API stage ${value} is already in usage plan ${plan.id}`);
  findStage(ctx, apiId, stage);
  plan.apiStages.push({ apiId, stage });
  for (const entry of ctx.state.usagePlanKeys) {
    if (entry.usagePlanId !== plan.id) continue;
    const shared = sharedStage(ctx, entry.keyId, plan);
    if (shared) {
      throw conflict(
        `API stage ${value} cannot be added: API key ${entry.keyId} of this plan is also in usage plan ${shared.planId}, which covers it`,
      );
    }
  }
}

/**
 * `/apiStages/{apiId}:{stage}/throttle/{resourcePath}/{httpMethod}/{rateLimit|burstLimit}`.
 * The resource path is a JSON Pointer token, so AWS writes `/pets/{id}` as `~1pets~1{id}`; the
 * unescaped form (`throttle//pets/{id}/GET/...`) is accepted too.
 */
function patchMethodThrottle(
  ctx: EmulatorContext,
  plan: UsagePlan,
  operation: PatchOperation,
): void {
  const match = operation.path.match(/^\/apiStages\/([^:/]+):([^/]+)\/throttle(\/.*)?$/);
  if (!match?.[1] || !match[2]) unsupportedPatch(operation);
  const [, apiId, stageName, rest = ''] = match;
  const apiStage = plan.apiStages.find(
    (entry) => entry.apiId === apiId && entry.stage === stageName,
  );
  if (!apiStage) throw notFound(`API stage ${apiId}:${stageName} is not in usage plan ${plan.id}`);
  if (operation.op === 'remove' && rest === '') {
    delete apiStage.throttle;
    return;
  }
  const target =
    rest.match(/^\/(.+)\/([A-Za-z]+)\/(rateLimit|burstLimit)$/) ??
    rest.match(/^\/(.+)\/([A-Za-z]+)$/);
  if (!target?.[1] || !target[2]) unsupportedPatch(operation);
  const resourcePath = resourcePathOf(target[1]);
  const httpMethod = target[2].toUpperCase();
  const setting = target[3];
  const throttleKey = `${resourcePath}/${httpMethod}`;
  if (operation.op === 'remove' && !setting) {
    delete apiStage.throttle?.[throttleKey];
    return;
  }
  if ((operation.op !== 'replace' && operation.op !== 'add') || !setting)
    unsupportedPatch(operation);
  assertMethodExists(ctx, apiId, stageName, resourcePath, httpMethod);
  const number = nonNegativeNumber(valueOf(operation), setting);
  apiStage.throttle = {
    ...apiStage.throttle,
    [throttleKey]: {
      ...apiStage.throttle?.[throttleKey],
      [setting]: setting === 'burstLimit' ? Math.floor(number) : number,
    },
  };
}

function resourcePathOf(token: string): string {
  const path = token.replaceAll('~1', '/').replaceAll('~0', '~');
  return path.startsWith('/') ? path : `/${path}`;
}

function assertMethodExists(
  ctx: EmulatorContext,
  apiId: string,
  stageName: string,
  resourcePath: string,
  httpMethod: string,
): void {
  const stage = findStage(ctx, apiId, stageName);
  const resources =
    ctx.state.deployments[stage.deploymentId]?.resources ?? findRestApi(ctx, apiId).resources;
  const resource = resources.find((candidate) => candidate.path === resourcePath);
  if (!resource?.resourceMethods[httpMethod] && !resource?.resourceMethods.ANY) {
    throw badRequest(
      `Invalid method ${httpMethod} ${resourcePath} for stage ${apiId}:${stageName}`,
    );
  }
}

function apiStagesOf(ctx: EmulatorContext, value: unknown): ApiStage[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest('Invalid apiStages: expected a list');
  const seen = new Set<string>();
  return value.map((entry: unknown) => {
    const { apiId, stage, throttle } = (entry ?? {}) as Record<string, unknown>;
    const id = requiredString(apiId, 'apiStages.apiId');
    const stageName = requiredString(stage, 'apiStages.stage');
    if (!ctx.state.stages[`${id}/${stageName}`]) {
      throw notFound(`Invalid API Stage {api: ${id}, stage: ${stageName}} specified for usageplan`);
    }
    if (seen.has(`${id}:${stageName}`)) throw badRequest(`Duplicate API stage ${id}:${stageName}`);
    seen.add(`${id}:${stageName}`);
    const methodThrottles =
      throttle && typeof throttle === 'object'
        ? Object.fromEntries(
            Object.entries(throttle).map(([key, settings]) => [key, throttleOf(settings) ?? {}]),
          )
        : undefined;
    return {
      apiId: id,
      stage: stageName,
      ...(methodThrottles ? { throttle: methodThrottles } : {}),
    };
  });
}

function descriptionOf(value: unknown): { description?: string } {
  const description = optionalString(value, 'description');
  return description === undefined ? {} : { description };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
