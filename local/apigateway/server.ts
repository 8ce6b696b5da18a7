import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorContext } from './context';
import { systemClock } from './context';
import { controlPlaneLimiter, type ControlPlaneRateLimit } from './control-plane/rate-limit';
import type { ControlResponse } from './control-plane/request';
import { matchRoute } from './control-plane/routes';
import { DataPlane, isDataPlaneRequest } from './data-plane/data-plane';
import { ApiGatewayError } from './errors';
import { faultControl, faultsPath } from './faults/control';
import { FaultRules, idsOfCall } from './faults/fault-rules';
import type { Clock } from './model/types';
import { openPersistence } from './store/persistence';
import { emptyState } from './model/types';

export interface EmulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Where `state.json` and its journal live; without it the state is kept in memory only. */
  dataDir?: string;
  clock?: Clock;
  /** Off unless given: API Gateway's own limits are `awsControlPlaneRateLimit`. */
  controlPlaneRateLimit?: ControlPlaneRateLimit;
}

export interface RunningEmulator {
  url: string;
  port: number;
  context: EmulatorContext;
  /** The rules `/_emulator/faults` manages, for in-process callers. */
  faults: FaultRules;
  close(): Promise<void>;
}

const errorTypeSuffix = ':http://internal.amazon.com/coral/com.amazonaws.backplane.controlplane/';
const maxControlBodyBytes = 6 * 1024 * 1024;

export async function startApiGatewayEmulator(
  options: EmulatorOptions = {},
): Promise<RunningEmulator> {
  const { dataDir, host = '127.0.0.1' } = options;
  let url = '';
  const persistence = dataDir ? openPersistence(dataDir) : undefined;
  const context: EmulatorContext = {
    state: persistence?.state ?? emptyState(),
    clock: options.clock ?? systemClock,
    version: 0,
    changed(touched) {
      context.version += 1;
      persistence?.record(touched);
      // Declared below; the control plane changes nothing before the server is listening.
      dataPlane.changed(touched);
    },
    metered(cell) {
      persistence?.meter(cell);
    },
    baseUrl: () => url,
  };
  const dataPlane = new DataPlane(context);
  const limit = options.controlPlaneRateLimit
    ? controlPlaneLimiter(options.controlPlaneRateLimit, context.clock)
    : undefined;
  const calls: Record<string, number> = {};
  /** Calls the control-plane rate limit refused (also counted in `calls`). */
  const throttled: Record<string, number> = {};
  const faults = new FaultRules();

  const server = createServer((request, response) => {
    const requestUrl = request.url ?? '/';
    if (isDataPlaneRequest(requestUrl)) return dataPlane.handle(request, response);
    if (requestUrl.startsWith('/_emulator/stats'))
      return stats(request, response, { calls, throttled });
    const { pathname } = new URL(requestUrl, 'http://emulator');
    if (pathname === faultsPath || pathname.startsWith(`${faultsPath}/`)) {
      faultControl(request, pathname, faults).then(
        (result) => sendResult(response, result),
        () => sendError(response, 400, 'BadRequestException', 'Could not read the request'),
      );
      return;
    }
    readControlBody(request)
      .then(
        async (body) => {
          const parsed = new URL(requestUrl, 'http://emulator');
          const match = matchRoute(request.method ?? 'GET', parsed.pathname, parsed.searchParams);
          if (!match)
            return sendError(response, 404, 'UnknownOperationException', 'Unknown operation');
          const { operation } = match.route;
          calls[operation] = (calls[operation] ?? 0) + 1;
          const ids = idsOfCall(match.params, parsed.searchParams, body);
          const fault = faults.faultFor({ operation, ids });
          if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
          try {
            if (body === undefined)
              throw new ApiGatewayError('BadRequestException', 'Request body too large');
            if (fault?.error && !fault.afterChange) throw fault.error;
            try {
              limit?.(operation);
            } catch (error) {
              throttled[operation] = (throttled[operation] ?? 0) + 1;
              throw error;
            }
            const result = match.route.handler({
              ctx: context,
              params: match.params,
              query: parsed.searchParams,
              headers: request.headers,
              rawBody: body,
            });
            // A lost answer: the change above happened, the caller hears an error.
            if (fault?.error) throw fault.error;
            sendResult(response, result);
          } catch (error) {
            if (!(error instanceof ApiGatewayError)) throw error;
            sendError(response, error.status, error.type, error.message, error.retryAfterSeconds);
          }
        },
        () => sendError(response, 400, 'BadRequestException', 'Could not read the request'),
      )
      .catch((error: unknown) => {
        console.error('[apigateway] internal error', error);
        if (!response.headersSent)
          sendError(response, 500, 'InternalFailure', 'Internal server error');
      });
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  url = `http://${host}:${port}`;

  return {
    url,
    port,
    context,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          // After the last connection: nothing can change the state once it is compacted.
          persistence?.close();
          resolve();
        });
      }),
  };
}

function readControlBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxControlBodyBytes) chunks.push(chunk);
    });
    request.on('end', () =>
      resolve(size > maxControlBodyBytes ? undefined : Buffer.concat(chunks)),
    );
    request.on('error', reject);
  });
}

function sendResult(response: ServerResponse, result: ControlResponse): void {
  const body =
    result.body === undefined
      ? undefined
      : Buffer.isBuffer(result.body)
        ? result.body
        : Buffer.from(JSON.stringify(result.body));
  response.writeHead(result.status, {
    ...(body && !result.headers?.['content-type'] ? { 'content-type': 'application/json' } : {}),
    'content-length': body?.length ?? 0,
    ...result.headers,
  });
  response.end(body);
}

function sendError(
  response: ServerResponse,
  status: number,
  type: string,
  message: string,
  retryAfterSeconds?: number,
): void {
  const body = JSON.stringify({ message });
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-amzn-errortype': `${type}${errorTypeSuffix}`,
    ...(retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) }),
  });
  response.end(body);
}

/** `GET` counts control-plane calls per operation since start or the last `DELETE`. */
function stats(
  request: IncomingMessage,
  response: ServerResponse,
  counts: { calls: Record<string, number>; throttled: Record<string, number> },
): void {
  request.resume();
  if (request.method === 'DELETE') {
    for (const count of Object.values(counts)) {
      for (const operation of Object.keys(count)) delete count[operation];
    }
    return sendResult(response, { status: 204 });
  }
  sendResult(response, { status: 200, body: counts });
}
