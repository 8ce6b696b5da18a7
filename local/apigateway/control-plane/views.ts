import type {
  ApiKey,
  ApiStage,
  Deployment,
  Method,
  Resource,
  RestApi,
  Stage,
  UsagePlan,
} from '../model/types';

/** Wire shapes of API Gateway's responses, built from the persisted records. */

export function restApiView(api: RestApi) {
  return {
    id: api.id,
    name: api.name,
    ...(api.description === undefined ? {} : { description: api.description }),
    ...(api.version === undefined ? {} : { version: api.version }),
    createdDate: api.createdDate,
    apiKeySource: api.apiKeySource,
    endpointConfiguration: { types: ['EDGE'] },
    disableExecuteApiEndpoint: false,
    rootResourceId: api.resources.find((resource) => resource.path === '/')?.id,
    tags: api.tags,
  };
}

function methodView(method: Method) {
  return {
    httpMethod: method.httpMethod,
    authorizationType: method.authorizationType,
    ...(method.authorizerId ? { authorizerId: method.authorizerId } : {}),
    apiKeyRequired: method.apiKeyRequired,
    ...(method.operationName ? { operationName: method.operationName } : {}),
    ...(method.integration
      ? {
          methodIntegration: {
            type: method.integration.type,
            ...(method.integration.uri ? { uri: method.integration.uri } : {}),
            ...(method.integration.httpMethod ? { httpMethod: method.integration.httpMethod } : {}),
            timeoutInMillis: method.integration.timeoutInMillis,
          },
        }
      : {}),
  };
}

/** Without `embed=methods`, API Gateway lists each method as an empty object. */
export function resourceView(resource: Resource, embedMethods: boolean) {
  return {
    id: resource.id,
    ...(resource.parentId ? { parentId: resource.parentId } : {}),
    ...(resource.pathPart ? { pathPart: resource.pathPart } : {}),
    path: resource.path,
    ...(Object.keys(resource.resourceMethods).length > 0
      ? {
          resourceMethods: Object.fromEntries(
            Object.entries(resource.resourceMethods).map(([verb, method]) => [
              verb,
              embedMethods ? methodView(method) : {},
            ]),
          ),
        }
      : {}),
  };
}

export function deploymentView(deployment: Deployment) {
  return {
    id: deployment.id,
    ...(deployment.description === undefined ? {} : { description: deployment.description }),
    createdDate: deployment.createdDate,
  };
}

export function stageView(stage: Stage) {
  return {
    deploymentId: stage.deploymentId,
    stageName: stage.stageName,
    ...(stage.description === undefined ? {} : { description: stage.description }),
    cacheClusterEnabled: false,
    cacheClusterStatus: 'NOT_AVAILABLE',
    methodSettings: {},
    tracingEnabled: false,
    variables: stage.variables,
    tags: stage.tags,
    createdDate: stage.createdDate,
    lastUpdatedDate: stage.lastUpdatedDate,
  };
}

function apiStageView(apiStage: ApiStage) {
  return {
    apiId: apiStage.apiId,
    stage: apiStage.stage,
    ...(apiStage.throttle && Object.keys(apiStage.throttle).length > 0
      ? { throttle: apiStage.throttle }
      : {}),
  };
}

export function usagePlanView(plan: UsagePlan) {
  return {
    id: plan.id,
    name: plan.name,
    ...(plan.description === undefined ? {} : { description: plan.description }),
    apiStages: plan.apiStages.map(apiStageView),
    ...(plan.throttle ? { throttle: plan.throttle } : {}),
    ...(plan.quota ? { quota: plan.quota } : {}),
    tags: plan.tags,
  };
}

/** The value leaves the emulator only when the caller asks for it, as with AWS. */
export function apiKeyView(key: ApiKey, includeValue: boolean) {
  return {
    id: key.id,
    ...(includeValue ? { value: key.value } : {}),
    name: key.name,
    ...(key.customerId === undefined ? {} : { customerId: key.customerId }),
    ...(key.description === undefined ? {} : { description: key.description }),
    enabled: key.enabled,
    createdDate: key.createdDate,
    lastUpdatedDate: key.lastUpdatedDate,
    stageKeys: key.stageKeys,
    tags: key.tags,
  };
}

export function usagePlanKeyView(key: ApiKey) {
  return { id: key.id, type: 'API_KEY', value: key.value, name: key.name };
}
