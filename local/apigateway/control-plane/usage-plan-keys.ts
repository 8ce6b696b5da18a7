import { badRequest, conflict, limitExceeded, notFound } from '../errors';
import { findApiKey, findUsagePlan } from './lookup';
import { paginate } from './paging';
import { accepted, created, jsonBody, ok, param, type ControlHandler } from './request';
import { planIdsOfKey, sharedStage } from './usage-plans';
import { requiredString } from './validate';
import { usagePlanKeyView } from './views';

/** API Gateway's quota of usage plans one key can be in. */
export const maxPlansPerKey = 10;

export const createUsagePlanKey: ControlHandler = (request) => {
  const { ctx } = request;
  const plan = findUsagePlan(ctx, param(request, 'usagePlanId'));
  const body = jsonBody(request);
  if (requiredString(body.keyType, 'keyType') !== 'API_KEY') {
    throw badRequest('Invalid keyType: only API_KEY is supported');
  }
  const key = findApiKey(ctx, requiredString(body.keyId, 'keyId'));
  const planIds = planIdsOfKey(ctx, key.id);
  if (planIds.has(plan.id)) throw conflict('Usage Plan Key already exists');
  const shared = sharedStage(ctx, key.id, plan);
  if (shared) {
    throw conflict(
      `Usage Plan ${plan.id} cannot be added because API Key ${key.id} cannot reference multiple Usage Plans with the same API Stage: ${shared.apiStage.apiId}:${shared.apiStage.stage}`,
    );
  }
  if (planIds.size >= maxPlansPerKey) {
    throw limitExceeded(`API Key ${key.id} cannot be in more than ${maxPlansPerKey} usage plans`);
  }
  const link = { usagePlanId: plan.id, keyId: key.id };
  ctx.state.usagePlanKeys.push(link);
  ctx.changed({ linked: [link] });
  return created(usagePlanKeyView(key));
};

export const getUsagePlanKeys: ControlHandler = (request) => {
  const { ctx, query } = request;
  const plan = findUsagePlan(ctx, param(request, 'usagePlanId'));
  const namePrefix = query.get('name');
  const keys = ctx.state.usagePlanKeys
    .filter((entry) => entry.usagePlanId === plan.id)
    .map((entry) => ctx.state.apiKeys[entry.keyId])
    .filter((key) => key !== undefined && (!namePrefix || key.name.startsWith(namePrefix)));
  const page = paginate(keys, query);
  return ok({
    item: page.items.flatMap((key) => (key ? [usagePlanKeyView(key)] : [])),
    ...(page.position ? { position: page.position } : {}),
  });
};

export const getUsagePlanKey: ControlHandler = (request) => {
  const { ctx } = request;
  const plan = findUsagePlan(ctx, param(request, 'usagePlanId'));
  const key = findApiKey(ctx, param(request, 'keyId'));
  if (!planIdsOfKey(ctx, key.id).has(plan.id)) {
    throw notFound('Invalid Usage Plan Key identifier specified');
  }
  return ok(usagePlanKeyView(key));
};

export const deleteUsagePlanKey: ControlHandler = (request) => {
  const { ctx } = request;
  const plan = findUsagePlan(ctx, param(request, 'usagePlanId'));
  const keyId = param(request, 'keyId');
  const before = ctx.state.usagePlanKeys.length;
  ctx.state.usagePlanKeys = ctx.state.usagePlanKeys.filter(
    (entry) => !(entry.usagePlanId === plan.id && entry.keyId === keyId),
  );
  if (ctx.state.usagePlanKeys.length === before) {
    throw notFound('Invalid Usage Plan Key identifier specified');
  }
  ctx.changed({ unlinked: [{ usagePlanId: plan.id, keyId }] });
  return accepted();
};
