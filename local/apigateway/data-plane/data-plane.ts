import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from '../context';
import { newRequestId } from '../ids';
import type { Integration, Method, RestApi } from '../model/types';
import type { Touched } from '../store/journal';
import { BucketSet } from '../throttle/token-bucket';
import { Meter } from '../usage/meter';
import { AccessIndex, type Grant } from './access-index';
import { forwardRequest, IntegrationTimeout, upstreamUrl } from './http-proxy';
import { mockResponse } from './mock';
import type { MatchedMethod } from './routing';

/** Request bodies API Gateway accepts: 10 MB. */
const maxBodyBytes = 10 * 1024 * 1024;

const invokePrefix = '/restapis/';
const userRequest = '/_user_request_';

export const isDataPlaneRequest = (url: string) =>
  url.startsWith(invokePrefix) && url.includes(userRequest);

interface InvokeTarget {
  restApiId: string;
  stageName: string;
  path: string;
  queryString: string;
}

/**
 * `/restapis/{restApiId}/{stage}/_user_request_/{path}?{query}` — the stage's invoke URL — cut
 * apart with indexOf: this runs on every request, where a regular expression with four groups
 * cost more than the rest of the routing.
 */
export function invokeTarget(url: string): InvokeTarget | undefined {
  if (!url.startsWith(invokePrefix)) return undefined;
  const apiEnd = url.indexOf('/', invokePrefix.length);
  const stageEnd = apiEnd < 0 ? -1 : url.indexOf('/', apiEnd + 1);
  if (apiEnd === invokePrefix.length || stageEnd < 0 || stageEnd === apiEnd + 1) return undefined;
  if (!url.startsWith(userRequest, stageEnd)) return undefined;
  const pathStart = stageEnd + userRequest.length;
  const queryAt = url.indexOf('?', pathStart);
  const pathEnd = queryAt < 0 ? url.length : queryAt;
  // Only `/…`, `?…` or nothing may follow `_user_request_`.
  if (pathEnd > pathStart && url.charCodeAt(pathStart) !== 47 /* '/' */) return undefined;
  return {
    restApiId: url.slice(invokePrefix.length, apiEnd),
    stageName: url.slice(apiEnd + 1, stageEnd),
    path: pathEnd > pathStart ? url.slice(pathStart, pathEnd) : '/',
    queryString: queryAt < 0 ? '' : url.slice(queryAt + 1),
  };
}

interface GatewayAnswer {
  status: number;
  message: string;
  errorType: string;
}

const answers = {
  missingToken: {
    status: 403,
    message: 'Missing Authentication Token',
    errorType: 'MissingAuthenticationTokenException',
  },
  forbidden: { status: 403, message: 'Forbidden', errorType: 'ForbiddenException' },
  unauthorized: { status: 401, message: 'Unauthorized', errorType: 'UnauthorizedException' },
  throttled: { status: 429, message: 'Too Many Requests', errorType: 'TooManyRequestsException' },
  quotaExceeded: { status: 429, message: 'Limit Exceeded', errorType: 'LimitExceededException' },
  noIntegration: {
    status: 500,
    message: 'Internal server error',
    errorType: 'InternalServerErrorException',
  },
  badGateway: {
    status: 502,
    message: 'Internal server error',
    errorType: 'InternalServerErrorException',
  },
  timeout: {
    status: 504,
    message: 'Endpoint request timed out',
    errorType: 'IntegrationTimeoutException',
  },
  tooLarge: { status: 413, message: 'Request Too Long', errorType: 'RequestTooLongException' },
} satisfies Record<string, GatewayAnswer>;

/**
 * The invoke side of API Gateway for REST APIs: routing, the API key check, per-key token
 * buckets, quotas and metering, then the MOCK or HTTP_PROXY integration.
 */
export class DataPlane {
  private readonly index: AccessIndex;
  private readonly meter: Meter;
  /** Plan throttles: plan id → key id → bucket. */
  private readonly planBuckets = new Map<string, BucketSet>();
  /** Per-method throttles, by plan, key, stage and method. */
  private readonly methodBuckets = new BucketSet();

  constructor(private readonly ctx: EmulatorContext) {
    this.index = new AccessIndex(ctx);
    this.meter = new Meter(ctx);
  }

  /** Called by the control plane after every change, with what the change touched. */
  changed(touched: Touched): void {
    this.index.changed(touched);
  }

  handle(request: IncomingMessage, response: ServerResponse): void {
    const answer = this.admit(request, response, invokeTarget(request.url ?? ''));
    if (answer) {
      request.resume();
      sendAnswer(response, answer);
    }
  }

  /** Runs every check; returns the gateway's refusal, or undefined once the integration runs. */
  private admit(
    request: IncomingMessage,
    response: ServerResponse,
    target: InvokeTarget | undefined,
  ): GatewayAnswer | undefined {
    const stage = target && this.index.stage(target.restApiId, target.stageName);
    if (!stage) return answers.forbidden;
    const matched = stage.routes.match(request.method ?? 'GET', target.path);
    if (!matched) return answers.missingToken;
    const { method } = matched;

    let identity: string | undefined;
    if (method.authorizationType === 'CUSTOM') {
      identity = identityOf(stage.api, method, request, target.queryString);
      if (!identity) return answers.unauthorized;
    }
    if (method.apiKeyRequired) {
      const keyValue = stage.api.apiKeySource === 'AUTHORIZER' ? identity : apiKeyHeader(request);
      const key = keyValue ? this.index.keyByValue(keyValue) : undefined;
      const grant = key?.enabled ? this.index.grantFor(key.id, stage.stageKey) : undefined;
      if (!key || !grant) return answers.forbidden;
      const now = this.ctx.clock.now();
      if (!this.withinRate(grant, key.id, matched, now)) return answers.throttled;
      if (this.meter.tryAccept(grant.plan, key.id, now) === 'limit-exceeded') {
        return answers.quotaExceeded;
      }
    }
    return this.integrate(request, response, matched, target.queryString);
  }

  private withinRate(
    { plan, apiStage }: Grant,
    keyId: string,
    { resource, method }: MatchedMethod,
    now: number,
  ): boolean {
    const methodThrottles = apiStage.throttle;
    const methodKey = methodThrottles && `${resource.path}/${method.httpMethod}`;
    const override = methodKey ? methodThrottles[methodKey] : undefined;
    const throttle = override ?? plan.throttle;
    if (throttle?.rateLimit === undefined) return true;
    // A plan with a rate but no burst gets a bucket of one second's worth (at least 1).
    const burst = throttle.burstLimit ?? Math.max(1, Math.ceil(throttle.rateLimit));
    if (override) {
      const bucketName = `${plan.id}\n${keyId}\n${apiStage.apiId}\n${apiStage.stage}\n${methodKey}`;
      return this.methodBuckets.tryTake(bucketName, throttle.rateLimit, burst, now);
    }
    let buckets = this.planBuckets.get(plan.id);
    if (!buckets) this.planBuckets.set(plan.id, (buckets = new BucketSet()));
    return buckets.tryTake(keyId, throttle.rateLimit, burst, now);
  }

  private integrate(
    request: IncomingMessage,
    response: ServerResponse,
    { method, pathParameters }: MatchedMethod,
    queryString: string,
  ): GatewayAnswer | undefined {
    const integration = method.integration;
    if (!integration) return answers.noIntegration;
    if (integration.type === 'MOCK') {
      request.resume();
      const mock = mockResponse(method);
      // Headers as a flat list: Node writes them in one pass, without walking an object's keys.
      response.writeHead(mock.status, [
        'content-type',
        'application/json',
        'content-length',
        mock.contentLength,
        'x-amzn-requestid',
        newRequestId(),
      ]);
      response.end(mock.body);
      return undefined;
    }
    const target = upstreamUrl(integration.uri ?? '', pathParameters, queryString);
    void proxy(request, response, integration, target);
    return undefined;
  }
}

async function proxy(
  request: IncomingMessage,
  response: ServerResponse,
  integration: Integration,
  target: string,
): Promise<void> {
  try {
    const body = await readBody(request);
    if (body === undefined) return sendAnswer(response, answers.tooLarge);
    const result = await forwardRequest(integration, target, {
      method: request.method ?? 'GET',
      headers: request.headers,
      body,
    });
    response.writeHead(result.status, { ...result.headers, 'x-amzn-requestid': newRequestId() });
    response.end(result.body);
  } catch (error) {
    if (!response.headersSent) {
      sendAnswer(
        response,
        error instanceof IntegrationTimeout ? answers.timeout : answers.badGateway,
      );
    }
  }
}

function identityOf(
  api: RestApi,
  method: Method,
  request: IncomingMessage,
  queryString: string,
): string | undefined {
  const authorizer = api.authorizers.find((candidate) => candidate.id === method.authorizerId);
  const source = authorizer?.identitySource.split(',')[0]?.trim() ?? '';
  const match = source.match(/^method\.request\.(querystring|header)\.(.+)$/);
  if (!match?.[2]) return undefined;
  const value =
    match[1] === 'header'
      ? headerValue(request, match[2].toLowerCase())
      : new URLSearchParams(queryString).get(match[2]);
  return value || undefined;
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The `x-api-key` header as `request.headers` gives it (repeats joined with ", "), read from
 * `rawHeaders`: Node builds `request.headers` on first use, every header at once, which a
 * MOCK answer otherwise never needs.
 */
function apiKeyHeader(request: IncomingMessage): string | undefined {
  const raw = request.rawHeaders;
  let value: string | undefined;
  for (let index = 0; index < raw.length; index += 2) {
    const name = raw[index]!;
    if (name.length === 9 && name.toLowerCase() === 'x-api-key') {
      value = value === undefined ? raw[index + 1] : `${value}, ${raw[index + 1]}`;
    }
  }
  return value;
}

function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > maxBodyBytes ? undefined : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function sendAnswer(response: ServerResponse, answer: GatewayAnswer): void {
  const body = JSON.stringify({ message: answer.message });
  response.writeHead(answer.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-amzn-requestid': newRequestId(),
    'x-amzn-errortype': answer.errorType,
  });
  response.end(body);
}
