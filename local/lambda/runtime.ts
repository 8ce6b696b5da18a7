import type { ResponseStream } from './response-stream';

type StreamingHandler = (
  event: unknown,
  responseStream: ResponseStream,
  context: LambdaContext,
) => Promise<unknown>;

export interface LambdaContext {
  functionName: string;
  awsRequestId: string;
  callbackWaitsForEmptyEventLoop: boolean;
  getRemainingTimeInMillis(): number;
}

declare global {
  var awslambda: { streamifyResponse(handler: StreamingHandler): StreamingHandler } | undefined;
}

/**
 * The one global Lambda's Node.js runtime gives streaming handlers. A handler wrapped by
 * `streamifyResponse` is called with the event, a response stream and the context; this
 * stand-in keeps the handler as it is, so a test calls it the same way the runtime does.
 */
export function installLambdaRuntimeGlobals(): void {
  globalThis.awslambda = { streamifyResponse: (handler) => handler };
}

let invocations = 0;

export function lambdaContext(functionName: string, timeoutMs = 25_000): LambdaContext {
  const started = Date.now();
  invocations += 1;
  return {
    functionName,
    awsRequestId: `00000000-0000-4000-8000-${String(invocations).padStart(12, '0')}`,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => timeoutMs - (Date.now() - started),
  };
}
