import type { EmulatorContext } from '../context';
import { badRequest } from '../errors';
import type { Tags } from '../model/types';
import type { Touched } from '../store/journal';
import { findApiKey, findRestApi, findStage, findUsagePlan, stageKey } from './lookup';
import { jsonBody, noContent, ok, param, type ControlHandler } from './request';
import { tagsOf } from './validate';

interface TaggedResource {
  resource: { tags: Tags };
  /** The record a change of its tags touches, for the journal. */
  touched: Touched;
}

/** The resource an ARN names: a usage plan, an API key, a REST API or a stage. */
function taggedResource(ctx: EmulatorContext, arn: string): TaggedResource {
  const path = arn.match(/^arn:aws[a-z-]*:apigateway:[a-z0-9-]+::(\/.+)$/)?.[1];
  const parts = path?.split('/').slice(1) ?? [];
  if (parts[0] === 'usageplans' && parts.length === 2) {
    const plan = findUsagePlan(ctx, parts[1]!);
    return { resource: plan, touched: { usagePlans: [plan.id] } };
  }
  if (parts[0] === 'apikeys' && parts.length === 2) {
    const key = findApiKey(ctx, parts[1]!);
    return { resource: key, touched: { apiKeys: [key.id] } };
  }
  if (parts[0] === 'restapis' && parts.length === 2) {
    const api = findRestApi(ctx, parts[1]!);
    return { resource: api, touched: { restApis: [api.id] } };
  }
  if (parts[0] === 'restapis' && parts[2] === 'stages' && parts.length === 4) {
    const stage = findStage(ctx, parts[1]!, parts[3]!);
    return {
      resource: stage,
      touched: { stages: [stageKey(stage.restApiId, stage.stageName)] },
    };
  }
  throw badRequest(`Invalid resource ARN: ${arn}`);
}

export const getTags: ControlHandler = (request) =>
  ok({ tags: taggedResource(request.ctx, param(request, 'resourceArn')).resource.tags });

export const tagResource: ControlHandler = (request) => {
  const { ctx } = request;
  const { resource, touched } = taggedResource(ctx, param(request, 'resourceArn'));
  const merged = { ...resource.tags, ...tagsOf(jsonBody(request).tags) };
  resource.tags = tagsOf(merged);
  ctx.changed(touched);
  return noContent();
};

export const untagResource: ControlHandler = (request) => {
  const { ctx } = request;
  const { resource, touched } = taggedResource(ctx, param(request, 'resourceArn'));
  const keys = request.query.getAll('tagKeys').flatMap((value) => value.split(','));
  if (keys.length === 0) throw badRequest('tagKeys is required');
  for (const key of keys) delete resource.tags[key];
  ctx.changed(touched);
  return noContent();
};
