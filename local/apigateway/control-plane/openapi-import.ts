import { parse as parseYaml } from 'yaml';
import { badRequest } from '../errors';
import { newId } from '../ids';
import type { ApiKeySource, Authorizer, Integration, Method, Resource } from '../model/types';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];
const anyMethodKey = 'x-amazon-apigateway-any-method';
/** API Gateway's limit on an integration's timeout for REST APIs. */
export const maxIntegrationTimeoutMs = 29_000;

export interface ImportedApi {
  name: string;
  description?: string;
  version?: string;
  apiKeySource: ApiKeySource;
  openapi: JsonObject;
  resources: Resource[];
  authorizers: Authorizer[];
  warnings: string[];
}

/** Parses an OpenAPI 3 document (JSON or YAML) the way ImportRestApi reads it. */
export function importOpenApi(body: Buffer): ImportedApi {
  const document = parseDocument(body);
  const info = isObject(document.info) ? document.info : {};
  const name = typeof info.title === 'string' ? info.title.trim() : '';
  if (!name) throw badRequest('Invalid OpenAPI input: info.title is required to name the API');

  const warnings: string[] = [];
  const apiKeySource = apiKeySourceOf(document);
  const schemes = securitySchemesOf(document);
  const authorizers = authorizersOf(schemes);
  const resources = resourcesOf(document, schemes, authorizers, warnings);
  return {
    name,
    ...(typeof info.description === 'string' ? { description: info.description } : {}),
    ...(typeof info.version === 'string' ? { version: info.version } : {}),
    apiKeySource,
    openapi: document,
    resources,
    authorizers,
    warnings,
  };
}

function parseDocument(body: Buffer): JsonObject {
  const text = body.toString('utf8');
  let parsed: unknown;
  try {
    parsed = text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw badRequest(`Invalid OpenAPI input: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!isObject(parsed)) throw badRequest('Invalid OpenAPI input: expected an object');
  if (typeof parsed.openapi !== 'string' || !parsed.openapi.startsWith('3.')) {
    throw badRequest('Invalid OpenAPI input: only OpenAPI 3.x documents can be imported');
  }
  if (!isObject(parsed.paths)) throw badRequest('Invalid OpenAPI input: paths is required');
  return parsed;
}

function apiKeySourceOf(document: JsonObject): ApiKeySource {
  const source = document['x-amazon-apigateway-api-key-source'];
  if (source === undefined) return 'HEADER';
  if (source === 'HEADER' || source === 'AUTHORIZER') return source;
  throw badRequest(
    `Invalid x-amazon-apigateway-api-key-source: ${String(source)} (expected HEADER or AUTHORIZER)`,
  );
}

function securitySchemesOf(document: JsonObject): Record<string, JsonObject> {
  const components = isObject(document.components) ? document.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  return Object.fromEntries(
    Object.entries(schemes).filter((entry): entry is [string, JsonObject] => isObject(entry[1])),
  );
}

function authorizersOf(schemes: Record<string, JsonObject>): Authorizer[] {
  const authorizers: Authorizer[] = [];
  for (const [name, scheme] of Object.entries(schemes)) {
    const settings = scheme['x-amazon-apigateway-authorizer'];
    if (!isObject(settings)) continue;
    const type = String(settings.type ?? 'token').toUpperCase();
    const identitySource =
      typeof settings.identitySource === 'string'
        ? settings.identitySource
        : `method.request.header.${typeof scheme.name === 'string' ? scheme.name : 'Authorization'}`;
    authorizers.push({
      id: newId().slice(0, 6),
      name,
      type: type === 'REQUEST' ? 'REQUEST' : 'TOKEN',
      identitySource,
      ...(typeof settings.authorizerUri === 'string'
        ? { authorizerUri: settings.authorizerUri }
        : {}),
    });
  }
  return authorizers;
}

/** The key scheme of API Gateway's OpenAPI convention: an apiKey named x-api-key in the header. */
const isApiKeyScheme = (scheme: JsonObject | undefined) =>
  scheme?.type === 'apiKey' &&
  scheme.in === 'header' &&
  typeof scheme.name === 'string' &&
  scheme.name.toLowerCase() === 'x-api-key' &&
  scheme['x-amazon-apigateway-authtype'] === undefined;

function resourcesOf(
  document: JsonObject,
  schemes: Record<string, JsonObject>,
  authorizers: Authorizer[],
  warnings: string[],
): Resource[] {
  const root: Resource = { id: newId(), path: '/', resourceMethods: {} };
  const byPath = new Map<string, Resource>([['/', root]]);
  const ensure = (path: string): Resource => {
    const existing = byPath.get(path);
    if (existing) return existing;
    const cut = path.lastIndexOf('/');
    const parent = ensure(cut <= 0 ? '/' : path.slice(0, cut));
    const resource: Resource = {
      id: newId(),
      parentId: parent.id,
      path,
      pathPart: path.slice(cut + 1),
      resourceMethods: {},
    };
    byPath.set(path, resource);
    return resource;
  };

  const rootSecurity = document.security;
  for (const [rawPath, pathItem] of Object.entries(document.paths as JsonObject)) {
    if (!isObject(pathItem)) continue;
    const path = rawPath === '/' ? '/' : `/${rawPath.replace(/^\/+|\/+$/g, '')}`;
    const resource = ensure(path);
    for (const [key, operation] of Object.entries(pathItem)) {
      const httpMethod = key === anyMethodKey ? 'ANY' : key.toUpperCase();
      if (!(key === anyMethodKey || httpMethods.includes(key)) || !isObject(operation)) continue;
      resource.resourceMethods[httpMethod] = methodOf(
        httpMethod,
        operation,
        operation.security ?? rootSecurity,
        schemes,
        authorizers,
        warnings,
        `${httpMethod} ${path}`,
      );
    }
  }
  return [...byPath.values()];
}

function methodOf(
  httpMethod: string,
  operation: JsonObject,
  security: unknown,
  schemes: Record<string, JsonObject>,
  authorizers: Authorizer[],
  warnings: string[],
  label: string,
): Method {
  // API Gateway reads the first security requirement; alternatives are not supported there.
  const requirement = Array.isArray(security) && isObject(security[0]) ? security[0] : {};
  const schemeNames = Object.keys(requirement);
  const apiKeyRequired = schemeNames.some((name) => isApiKeyScheme(schemes[name]));
  const authorizer = authorizers.find((candidate) => schemeNames.includes(candidate.name));
  for (const name of schemeNames) {
    if (!schemes[name]) warnings.push(`${label}: unknown security scheme ${name}`);
  }
  const integration = integrationOf(operation['x-amazon-apigateway-integration'], warnings, label);
  const responseExamples = responseExamplesOf(operation.responses);
  return {
    httpMethod,
    authorizationType: authorizer ? 'CUSTOM' : 'NONE',
    ...(authorizer ? { authorizerId: authorizer.id } : {}),
    apiKeyRequired,
    ...(typeof operation.operationId === 'string' ? { operationName: operation.operationId } : {}),
    ...(integration ? { integration } : {}),
    ...(Object.keys(responseExamples).length > 0 ? { responseExamples } : {}),
  };
}

function integrationOf(
  settings: unknown,
  warnings: string[],
  label: string,
): Integration | undefined {
  if (!isObject(settings)) {
    warnings.push(`${label}: no x-amazon-apigateway-integration; the method answers 500`);
    return undefined;
  }
  const type = String(settings.type ?? '').toUpperCase();
  if (type !== 'MOCK' && type !== 'HTTP_PROXY') {
    warnings.push(`${label}: integration type ${type || '(none)'} is not emulated; it answers 500`);
    return undefined;
  }
  const timeout = Number(settings.timeoutInMillis ?? maxIntegrationTimeoutMs);
  if (!Number.isInteger(timeout) || timeout < 50 || timeout > maxIntegrationTimeoutMs) {
    throw badRequest(
      `Invalid timeoutInMillis for ${label}: must be between 50 and ${maxIntegrationTimeoutMs}`,
    );
  }
  if (type === 'HTTP_PROXY' && typeof settings.uri !== 'string') {
    throw badRequest(`Invalid integration for ${label}: an http_proxy integration needs a uri`);
  }
  return {
    type,
    timeoutInMillis: timeout,
    ...(typeof settings.uri === 'string' ? { uri: settings.uri } : {}),
    ...(typeof settings.httpMethod === 'string'
      ? { httpMethod: settings.httpMethod.toUpperCase() }
      : {}),
    ...(isObject(settings.responses)
      ? { responses: settings.responses as Integration['responses'] }
      : {}),
    ...(isObject(settings.requestTemplates)
      ? { requestTemplates: settings.requestTemplates as Record<string, string> }
      : {}),
  };
}

function responseExamplesOf(responses: unknown): Record<string, string> {
  const examples: Record<string, string> = {};
  if (!isObject(responses)) return examples;
  for (const [status, response] of Object.entries(responses)) {
    const content = isObject(response) && isObject(response.content) ? response.content : {};
    const json = content['application/json'];
    if (!isObject(json)) continue;
    const named = isObject(json.examples) ? Object.values(json.examples)[0] : undefined;
    const schema = isObject(json.schema) ? json.schema : {};
    const example = json.example ?? (isObject(named) ? named.value : undefined) ?? schema.example;
    if (example !== undefined) examples[status] = JSON.stringify(example);
  }
  return examples;
}
