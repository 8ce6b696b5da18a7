import type { EmulatorContext } from '../context';
import { badRequest } from '../errors';
import type { Tags } from '../model/types';
import { findApiKey, findRestApi, findStage, findUsagePlan } from './lookup';
import { jsonBody, noContent, ok, param, type ControlHandler } from './request';
import { tagsOf } from './validate';

/** The tag map of the resource an ARN names: a usage plan, an API key, a REST API or a stage. */
function taggedResource(ctx: EmulatorContext, arn: string): { tags: Tags } {
  const path = arn.match(/^arn:aws[a-z-]*:apigateway:[a-z0-9-]+::(\/.+)$/)?.[1];
  const parts = path?.split('/').slice(1) ?? [];
  if (parts[0] === 'usageplans' && parts.length === 2) return findUsagePlan(ctx, parts[1]!);
  if (parts[0] === 'apikeys' && parts.length === 2) return findApiKey(ctx, parts[1]!);
  if (parts[0] === 'restapis' && parts.length === 2) return findRestApi(ctx, parts[1]!);
  if (parts[0] === 'restapis' && parts[2] === 'stages' && parts.length === 4) {
    return findStage(ctx, parts[1]!, parts[3]!);
  }
  throw badRequest(`Invalid resource ARN: ${arn}`);
}

export const getTags: ControlHandler = (request) =>
  ok({ tags: taggedResource(request.ctx, param(request, 'resourceArn')).tags });

export const tagResource: ControlHandler = (request) => {
  const { ctx } = request;
  const resource = taggedResource(ctx, param(request, 'resourceArn'));
  const merged = { ...resource.tags, ...tagsOf(jsonBody(request).tags) };
  resource.tags = tagsOf(merged);
  ctx.changed();
  return noContent();
};

export const untagResource: ControlHandler = (request) => {
  const { ctx } = request;
  const resource = taggedResource(ctx, param(request, 'resourceArn'));
  const keys = request.query.getAll('tagKeys').flatMap((value) => value.split(','));
  if (keys.length === 0) throw badRequest('tagKeys is required');
  for (const key of keys) delete resource.tags[key];
  ctx.changed();
  return noContent();
};
