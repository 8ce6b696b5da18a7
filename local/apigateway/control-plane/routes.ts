import * as apiKeys from './api-keys';
import { importApiKeys } from './import-api-keys';
import type { ControlHandler } from './request';
import * as restApis from './rest-apis';
import * as tags from './tags';
import * as usage from './usage';
import * as planKeys from './usage-plan-keys';
import * as plans from './usage-plans';

export interface Route {
  /** The AWS operation name, as counted by `/_emulator/stats`. */
  operation: string;
  method: string;
  /** Path template with `{label}` segments, as in the API Gateway API reference. */
  path: string;
  /** A query parameter that must be present with this value (`mode=import`). */
  mode?: string;
  handler: ControlHandler;
}

const route = (
  operation: string,
  method: string,
  path: string,
  handler: ControlHandler,
  mode?: string,
): Route => ({ operation, method, path, handler, ...(mode ? { mode } : {}) });

export const routes: Route[] = [
  route('ImportRestApi', 'POST', '/restapis', restApis.importRestApi, 'import'),
  route('GetRestApis', 'GET', '/restapis', restApis.getRestApis),
  route('GetRestApi', 'GET', '/restapis/{restApiId}', restApis.getRestApi),
  route('PutRestApi', 'PUT', '/restapis/{restApiId}', restApis.putRestApi),
  route('DeleteRestApi', 'DELETE', '/restapis/{restApiId}', restApis.deleteRestApi),
  route('GetResources', 'GET', '/restapis/{restApiId}/resources', restApis.getResources),
  route('CreateDeployment', 'POST', '/restapis/{restApiId}/deployments', restApis.createDeployment),
  route('GetDeployments', 'GET', '/restapis/{restApiId}/deployments', restApis.getDeployments),
  route('GetStages', 'GET', '/restapis/{restApiId}/stages', restApis.getStages),
  route('CreateStage', 'POST', '/restapis/{restApiId}/stages', restApis.createStage),
  route('GetStage', 'GET', '/restapis/{restApiId}/stages/{stageName}', restApis.getStage),
  route('UpdateStage', 'PATCH', '/restapis/{restApiId}/stages/{stageName}', restApis.updateStage),
  route('DeleteStage', 'DELETE', '/restapis/{restApiId}/stages/{stageName}', restApis.deleteStage),
  route(
    'GetExport',
    'GET',
    '/restapis/{restApiId}/stages/{stageName}/exports/{exportType}',
    restApis.getExport,
  ),
  route('CreateUsagePlan', 'POST', '/usageplans', plans.createUsagePlan),
  route('GetUsagePlans', 'GET', '/usageplans', plans.getUsagePlans),
  route('GetUsagePlan', 'GET', '/usageplans/{usagePlanId}', plans.getUsagePlan),
  route('UpdateUsagePlan', 'PATCH', '/usageplans/{usagePlanId}', plans.updateUsagePlan),
  route('DeleteUsagePlan', 'DELETE', '/usageplans/{usagePlanId}', plans.deleteUsagePlan),
  route(
    'CreateUsagePlanKey',
    'POST',
    '/usageplans/{usagePlanId}/keys',
    planKeys.createUsagePlanKey,
  ),
  route('GetUsagePlanKeys', 'GET', '/usageplans/{usagePlanId}/keys', planKeys.getUsagePlanKeys),
  route(
    'GetUsagePlanKey',
    'GET',
    '/usageplans/{usagePlanId}/keys/{keyId}',
    planKeys.getUsagePlanKey,
  ),
  route(
    'DeleteUsagePlanKey',
    'DELETE',
    '/usageplans/{usagePlanId}/keys/{keyId}',
    planKeys.deleteUsagePlanKey,
  ),
  route('GetUsage', 'GET', '/usageplans/{usagePlanId}/usage', usage.getUsage),
  route('UpdateUsage', 'PATCH', '/usageplans/{usagePlanId}/keys/{keyId}/usage', usage.updateUsage),
  route('ImportApiKeys', 'POST', '/apikeys', importApiKeys, 'import'),
  route('CreateApiKey', 'POST', '/apikeys', apiKeys.createApiKey),
  route('GetApiKeys', 'GET', '/apikeys', apiKeys.getApiKeys),
  route('GetApiKey', 'GET', '/apikeys/{apiKey}', apiKeys.getApiKey),
  route('UpdateApiKey', 'PATCH', '/apikeys/{apiKey}', apiKeys.updateApiKey),
  route('DeleteApiKey', 'DELETE', '/apikeys/{apiKey}', apiKeys.deleteApiKey),
  route('GetTags', 'GET', '/tags/{resourceArn}', tags.getTags),
  route('TagResource', 'PUT', '/tags/{resourceArn}', tags.tagResource),
  route('UntagResource', 'DELETE', '/tags/{resourceArn}', tags.untagResource),
];

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** Finds the operation for a request; routes with a `mode` win over the same path without. */
export function matchRoute(
  method: string,
  pathname: string,
  query: URLSearchParams,
): RouteMatch | undefined {
  const segments = pathname.split('/').slice(1);
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    if (candidate.mode && query.get('mode') !== candidate.mode) continue;
    const template = candidate.path.split('/').slice(1);
    if (template.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = template.every((part, index) => {
      const segment = segments[index] ?? '';
      if (part.startsWith('{')) {
        if (segment === '') return false;
        params[part.slice(1, -1)] = decodeURIComponent(segment);
        return true;
      }
      return part === segment;
    });
    if (matches) return { route: candidate, params };
  }
  return undefined;
}
