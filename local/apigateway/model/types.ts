/**
 * The emulator's state, in the shape it is persisted. Field names follow API Gateway's wire
 * format wherever a field is returned to clients, so control-plane handlers can serialise
 * these records with little reshaping.
 *
 * The control plane writes every record here except `usage`, which the data plane writes as it
 * meters accepted requests.
 */

/** Milliseconds since the epoch. Every time-dependent part of the emulator reads this. */
export interface Clock {
  now(): number;
}

export type Tags = Record<string, string>;

export type ApiKeySource = 'HEADER' | 'AUTHORIZER';

export type IntegrationType = 'MOCK' | 'HTTP_PROXY';

export interface Integration {
  type: IntegrationType;
  /** HTTP_PROXY: the upstream URL template, e.g. `http://127.0.0.1:9000/items/{id}`. */
  uri?: string;
  httpMethod?: string;
  /** API Gateway's default and maximum for REST APIs is 29,000 ms. */
  timeoutInMillis: number;
  /** MOCK: `x-amazon-apigateway-integration.responses` as imported (statusCode, responseTemplates). */
  responses?: Record<string, { statusCode: string; responseTemplates?: Record<string, string> }>;
  requestTemplates?: Record<string, string>;
}

/**
 * A REQUEST authorizer. The emulator cannot run the Lambda behind it; when the API's key
 * source is AUTHORIZER it treats the first identity source as the `usageIdentifierKey` the
 * authorizer would have returned (the pattern of AWS's "API keys in the query string" post).
 */
export interface Authorizer {
  id: string;
  name: string;
  type: 'REQUEST' | 'TOKEN';
  /** e.g. `method.request.querystring.api_key` or `method.request.header.x-key`. */
  identitySource: string;
  authorizerUri?: string;
}

export interface Method {
  httpMethod: string;
  authorizationType: 'NONE' | 'CUSTOM' | 'AWS_IAM' | 'COGNITO_USER_POOLS';
  authorizerId?: string;
  apiKeyRequired: boolean;
  operationName?: string;
  integration?: Integration;
  /**
   * JSON bodies of the OpenAPI examples of this method's responses, by status code: a MOCK
   * integration without a response template answers with the example of its status.
   */
  responseExamples?: Record<string, string>;
}

export interface Resource {
  id: string;
  parentId?: string;
  /** Full path, e.g. `/forecast/{city}`. The root resource's path is `/`. */
  path: string;
  pathPart?: string;
  resourceMethods: Record<string, Method>;
}

export interface RestApi {
  id: string;
  name: string;
  description?: string;
  version?: string;
  /** Seconds since the epoch (the SDK turns it into a Date). */
  createdDate: number;
  apiKeySource: ApiKeySource;
  tags: Tags;
  /** The OpenAPI 3 document as imported, kept so GetExport can reproduce it. */
  openapi: Record<string, unknown>;
  resources: Resource[];
  authorizers: Authorizer[];
}

export interface Deployment {
  id: string;
  restApiId: string;
  description?: string;
  createdDate: number;
  /** Deep copy of the API's resources when the deployment was made: a stage serves this. */
  resources: Resource[];
  openapi: Record<string, unknown>;
}

export interface Stage {
  restApiId: string;
  stageName: string;
  deploymentId: string;
  description?: string;
  createdDate: number;
  lastUpdatedDate: number;
  variables: Record<string, string>;
  tags: Tags;
}

export interface ThrottleSettings {
  rateLimit?: number;
  burstLimit?: number;
}

export type QuotaPeriod = 'DAY' | 'WEEK' | 'MONTH';

export interface QuotaSettings {
  limit: number;
  offset: number;
  period: QuotaPeriod;
}

export interface ApiStage {
  apiId: string;
  stage: string;
  /** Per-method throttles keyed `/{resourcePath}/{httpMethod}`, e.g. `/forecast/GET`. */
  throttle?: Record<string, ThrottleSettings>;
}

export interface UsagePlan {
  id: string;
  name: string;
  description?: string;
  apiStages: ApiStage[];
  throttle?: ThrottleSettings;
  quota?: QuotaSettings;
  tags: Tags;
}

export interface ApiKey {
  id: string;
  value: string;
  name: string;
  description?: string;
  enabled: boolean;
  customerId?: string;
  createdDate: number;
  lastUpdatedDate: number;
  stageKeys: string[];
  tags: Tags;
}

export interface UsagePlanKey {
  usagePlanId: string;
  keyId: string;
}

/** Requests accepted per plan, key and UTC day (`YYYY-MM-DD`). */
export type UsageCounters = Record<string, Record<string, Record<string, number>>>;

/**
 * UpdateUsage adjustments: per plan and key, extra requests granted (positive) for the quota
 * period that starts at `periodStart` (ms). Ignored once that period is over.
 */
export type QuotaAdjustments = Record<
  string,
  Record<string, { periodStart: number; extraRemaining: number }>
>;

export interface EmulatorState {
  restApis: Record<string, RestApi>;
  deployments: Record<string, Deployment>;
  /** Keyed `${restApiId}/${stageName}`. */
  stages: Record<string, Stage>;
  usagePlans: Record<string, UsagePlan>;
  apiKeys: Record<string, ApiKey>;
  usagePlanKeys: UsagePlanKey[];
  usage: UsageCounters;
  quotaAdjustments: QuotaAdjustments;
}

export function emptyState(): EmulatorState {
  return {
    restApis: {},
    deployments: {},
    stages: {},
    usagePlans: {},
    apiKeys: {},
    usagePlanKeys: [],
    usage: {},
    quotaAdjustments: {},
  };
}
