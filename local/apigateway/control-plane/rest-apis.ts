import { stringify as toYaml } from 'yaml';
import { badRequest, conflict } from '../errors';
import { newId } from '../ids';
import type { Deployment, RestApi, Stage } from '../model/types';
import { epochSeconds, findRestApi, findStage, stageKey } from './lookup';
import { importOpenApi } from './openapi-import';
import { paginate } from './paging';
import { patchOperationsOf, unsupportedPatch, valueOf } from './patch';
import {
  accepted,
  created,
  jsonBody,
  ok,
  param,
  type ControlHandler,
  type ControlRequest,
} from './request';
import { optionalString, requiredString, tagsOf } from './validate';
import { deploymentView, resourceView, restApiView, stageView } from './views';

export const importRestApi: ControlHandler = (request) => {
  const { ctx } = request;
  const imported = importOpenApi(request.rawBody);
  if (imported.warnings.length > 0 && request.query.get('failonwarnings') === 'true') {
    throw badRequest(`Warnings found during import:\n\t${imported.warnings.join('\n\t')}`);
  }
  const api: RestApi = {
    id: newId(),
    name: imported.name,
    ...(imported.description === undefined ? {} : { description: imported.description }),
    ...(imported.version === undefined ? {} : { version: imported.version }),
    createdDate: epochSeconds(ctx),
    apiKeySource: imported.apiKeySource,
    tags: {},
    openapi: imported.openapi,
    resources: imported.resources,
    authorizers: imported.authorizers,
  };
  ctx.state.restApis[api.id] = api;
  ctx.changed({ restApis: [api.id] });
  return created({
    ...restApiView(api),
    ...(imported.warnings.length > 0 ? { warnings: imported.warnings } : {}),
  });
};

/**
 * PutRestApi in `overwrite` mode: the API's definition (name, description, version, key
 * source, resources, authorizers) is replaced by the document's; stages keep serving their
 * deployments until the next CreateDeployment. `merge` (AWS's default) is not emulated.
 */
export const putRestApi: ControlHandler = (request) => {
  const { ctx } = request;
  const api = findRestApi(ctx, param(request, 'restApiId'));
  const mode = request.query.get('mode') ?? 'merge';
  if (mode !== 'overwrite') {
    throw badRequest(`PutRestApi mode ${mode} is not supported by the emulator; use overwrite`);
  }
  const imported = importOpenApi(request.rawBody);
  if (imported.warnings.length > 0 && request.query.get('failonwarnings') === 'true') {
    throw badRequest(`Warnings found during import:\n\t${imported.warnings.join('\n\t')}`);
  }
  const replaced: RestApi = {
    id: api.id,
    createdDate: api.createdDate,
    tags: api.tags,
    name: imported.name,
    ...(imported.description === undefined ? {} : { description: imported.description }),
    ...(imported.version === undefined ? {} : { version: imported.version }),
    apiKeySource: imported.apiKeySource,
    openapi: imported.openapi,
    resources: imported.resources,
    authorizers: imported.authorizers,
  };
  ctx.state.restApis[api.id] = replaced;
  ctx.changed({ restApis: [api.id] });
  return ok({
    ...restApiView(replaced),
    ...(imported.warnings.length > 0 ? { warnings: imported.warnings } : {}),
  });
};

export const getRestApi: ControlHandler = (request) =>
  ok(restApiView(findRestApi(request.ctx, param(request, 'restApiId'))));

export const getRestApis: ControlHandler = ({ ctx, query }) => {
  const apis = Object.values(ctx.state.restApis).sort((a, b) => a.createdDate - b.createdDate);
  const page = paginate(apis, query);
  return ok({
    item: page.items.map(restApiView),
    ...(page.position ? { position: page.position } : {}),
  });
};

export const deleteRestApi: ControlHandler = (request) => {
  const { ctx } = request;
  const api = findRestApi(ctx, param(request, 'restApiId'));
  for (const stage of stagesOf(request, api.id)) refuseIfInUsagePlan(request, stage);
  const stages = stagesOf(request, api.id).map((stage) => stageKey(api.id, stage.stageName));
  for (const key of stages) delete ctx.state.stages[key];
  const deployments = Object.values(ctx.state.deployments)
    .filter((deployment) => deployment.restApiId === api.id)
    .map((deployment) => deployment.id);
  for (const id of deployments) delete ctx.state.deployments[id];
  delete ctx.state.restApis[api.id];
  ctx.changed({ restApis: [api.id], stages, deployments });
  return accepted();
};

export const getResources: ControlHandler = (request) => {
  const api = findRestApi(request.ctx, param(request, 'restApiId'));
  const embedMethods = request.query
    .getAll('embed')
    .some((value) => value.split(',').includes('methods'));
  const page = paginate(api.resources, request.query);
  return ok({
    item: page.items.map((resource) => resourceView(resource, embedMethods)),
    ...(page.position ? { position: page.position } : {}),
  });
};

export const createDeployment: ControlHandler = (request) => {
  const { ctx } = request;
  const api = findRestApi(ctx, param(request, 'restApiId'));
  const body = jsonBody(request);
  if (!api.resources.some((resource) => Object.keys(resource.resourceMethods).length > 0)) {
    throw badRequest("The REST API doesn't contain any methods");
  }
  const deployment: Deployment = {
    id: newId(),
    restApiId: api.id,
    ...descriptionOf(body.description),
    createdDate: epochSeconds(ctx),
    resources: structuredClone(api.resources),
    openapi: structuredClone(api.openapi),
  };
  ctx.state.deployments[deployment.id] = deployment;
  const stageName = optionalString(body.stageName, 'stageName');
  const stages: string[] = [];
  if (stageName) {
    const key = stageKey(api.id, stageName);
    stages.push(key);
    const existing = ctx.state.stages[key];
    ctx.state.stages[key] = existing
      ? { ...existing, deploymentId: deployment.id, lastUpdatedDate: epochSeconds(ctx) }
      : newStage(request, api.id, stageName, deployment.id, {
          ...descriptionOf(body.stageDescription),
          variables: variablesOf(body.variables),
          tags: {},
        });
  }
  ctx.changed({ deployments: [deployment.id], stages });
  return created(deploymentView(deployment));
};

export const getDeployments: ControlHandler = (request) => {
  const api = findRestApi(request.ctx, param(request, 'restApiId'));
  const deployments = Object.values(request.ctx.state.deployments).filter(
    (deployment) => deployment.restApiId === api.id,
  );
  const page = paginate(deployments, request.query);
  return ok({
    item: page.items.map(deploymentView),
    ...(page.position ? { position: page.position } : {}),
  });
};

export const getStages: ControlHandler = (request) => {
  const api = findRestApi(request.ctx, param(request, 'restApiId'));
  const deploymentId = request.query.get('deploymentId');
  const stages = stagesOf(request, api.id).filter(
    (stage) => !deploymentId || stage.deploymentId === deploymentId,
  );
  return ok({ item: stages.map(stageView) });
};

export const getStage: ControlHandler = (request) =>
  ok(stageView(findStage(request.ctx, param(request, 'restApiId'), param(request, 'stageName'))));

export const createStage: ControlHandler = (request) => {
  const { ctx } = request;
  const api = findRestApi(ctx, param(request, 'restApiId'));
  const body = jsonBody(request);
  const stageName = requiredString(body.stageName, 'stageName');
  if (!/^[a-zA-Z0-9_-]{1,128}$/.test(stageName)) {
    throw badRequest('Stage name only allows a-zA-Z0-9_-');
  }
  const deploymentId = requiredString(body.deploymentId, 'deploymentId');
  const deployment = ctx.state.deployments[deploymentId];
  if (!deployment || deployment.restApiId !== api.id) {
    throw badRequest('Invalid deployment identifier specified');
  }
  const key = stageKey(api.id, stageName);
  if (ctx.state.stages[key]) throw conflict('Stage already exists');
  const stage = newStage(request, api.id, stageName, deploymentId, {
    ...descriptionOf(body.description),
    variables: variablesOf(body.variables),
    tags: tagsOf(body.tags),
  });
  ctx.state.stages[key] = stage;
  ctx.changed({ stages: [key] });
  return created(stageView(stage));
};

export const updateStage: ControlHandler = (request) => {
  const { ctx } = request;
  const stage = findStage(ctx, param(request, 'restApiId'), param(request, 'stageName'));
  for (const operation of patchOperationsOf(jsonBody(request))) {
    if (operation.op === 'replace' && operation.path === '/description') {
      stage.description = valueOf(operation);
    } else if (operation.op === 'replace' && operation.path === '/deploymentId') {
      const deployment = ctx.state.deployments[valueOf(operation)];
      if (!deployment || deployment.restApiId !== stage.restApiId) {
        throw badRequest('Invalid deployment identifier specified');
      }
      stage.deploymentId = deployment.id;
    } else if (operation.path.startsWith('/variables/')) {
      const name = operation.path.slice('/variables/'.length);
      if (operation.op === 'remove') delete stage.variables[name];
      else stage.variables[name] = valueOf(operation);
    } else {
      unsupportedPatch(operation);
    }
  }
  stage.lastUpdatedDate = epochSeconds(ctx);
  ctx.changed({ stages: [stageKey(stage.restApiId, stage.stageName)] });
  return ok(stageView(stage));
};

export const deleteStage: ControlHandler = (request) => {
  const { ctx } = request;
  const stage = findStage(ctx, param(request, 'restApiId'), param(request, 'stageName'));
  refuseIfInUsagePlan(request, stage);
  const key = stageKey(stage.restApiId, stage.stageName);
  delete ctx.state.stages[key];
  ctx.changed({ stages: [key] });
  return accepted();
};

/**
 * GetExport as `oas30`: the document the stage's deployment was made from, its first server
 * set to the stage's invoke URL the way API Gateway writes it: a `basePath` variable whose
 * default is `/{stage}`, with its leading slash (AWS: `https://{id}.execute-api…/{basePath}`,
 * default `/prod`), so substituting the default gives the invoke URL exactly.
 */
export const getExport: ControlHandler = (request) => {
  const { ctx, query, headers } = request;
  const stage = findStage(ctx, param(request, 'restApiId'), param(request, 'stageName'));
  const exportType = param(request, 'exportType');
  if (exportType !== 'oas30') {
    throw badRequest(`Export type ${exportType} is not supported by the emulator; use oas30`);
  }
  const deployment = ctx.state.deployments[stage.deploymentId];
  if (!deployment) throw badRequest('Invalid deployment identifier specified');
  const withExtensions = query.get('extensions')?.split(',').includes('apigateway') ?? false;
  const document = {
    ...(withExtensions ? deployment.openapi : withoutGatewayExtensions(deployment.openapi)),
    servers: [
      {
        url: `${ctx.baseUrl()}/restapis/${stage.restApiId}{basePath}/_user_request_`,
        variables: { basePath: { default: `/${stage.stageName}` } },
      },
    ],
  };
  const accept = String(headers.accept ?? 'application/json');
  const yaml = accept.includes('yaml');
  return {
    status: 200,
    body: Buffer.from(yaml ? toYaml(document) : JSON.stringify(document, null, 2)),
    headers: {
      'content-type': yaml ? 'application/yaml' : 'application/json',
      'content-disposition': `attachment; filename="${stage.restApiId}-${stage.stageName}-oas30.${yaml ? 'yaml' : 'json'}"`,
    },
  };
};

function withoutGatewayExtensions(value: unknown): Record<string, unknown> {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (typeof node !== 'object' || node === null) return node;
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key]) => !key.startsWith('x-amazon-apigateway-'))
        .map(([key, child]) => [key, strip(child)]),
    );
  };
  return strip(value) as Record<string, unknown>;
}

function stagesOf({ ctx }: ControlRequest, restApiId: string): Stage[] {
  return Object.values(ctx.state.stages).filter((stage) => stage.restApiId === restApiId);
}

function refuseIfInUsagePlan({ ctx }: ControlRequest, stage: Stage): void {
  const plan = Object.values(ctx.state.usagePlans).find((candidate) =>
    candidate.apiStages.some(
      (apiStage) => apiStage.apiId === stage.restApiId && apiStage.stage === stage.stageName,
    ),
  );
  if (plan) {
    throw badRequest(
      `Cannot delete stage ${stage.stageName}: it is in usage plan ${plan.id}. Remove it from the plan first.`,
    );
  }
}

function newStage(
  { ctx }: ControlRequest,
  restApiId: string,
  stageName: string,
  deploymentId: string,
  extra: Pick<Stage, 'variables' | 'tags'> & { description?: string },
): Stage {
  const now = epochSeconds(ctx);
  return { restApiId, stageName, deploymentId, createdDate: now, lastUpdatedDate: now, ...extra };
}

function descriptionOf(value: unknown): { description?: string } {
  const description = optionalString(value, 'description');
  return description === undefined ? {} : { description };
}

function variablesOf(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest('Invalid variables');
  for (const [name, variable] of Object.entries(value)) {
    if (typeof variable !== 'string' || !/^[a-zA-Z0-9_]+$/.test(name)) {
      throw badRequest(`Invalid stage variable ${name}`);
    }
  }
  return value as Record<string, string>;
}
