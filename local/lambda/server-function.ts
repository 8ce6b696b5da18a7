import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  decodeHttpIntegrationResponse,
  ResponseStream,
  type FunctionUrlAnswer,
} from './response-stream';
import { installLambdaRuntimeGlobals, lambdaContext, type LambdaContext } from './runtime';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Where `npm run build:lambda` (the same build as `npm run deploy`) leaves OpenNext's output. */
export const openNextDir = join(root, '.open-next');
export const serverFunctionDir = join(openNextDir, 'server-functions', 'default');
/** What the distribution's `/_next/static/*` behaviour serves from S3 (infra/lib/site.ts). */
export const staticAssetsDir = join(openNextDir, 'assets');

export type ServerHandler = (
  event: unknown,
  responseStream: ResponseStream,
  context: LambdaContext,
) => Promise<unknown>;

/**
 * Loads the server function as Lambda's runtime does on a cold start: the environment is set
 * first, then OpenNext's handler module is imported (which starts Next.js).
 */
export async function loadServerFunction(env: Record<string, string>): Promise<ServerHandler> {
  const entry = join(serverFunctionDir, 'index.mjs');
  if (!existsSync(entry)) {
    throw new Error(`No OpenNext build at ${entry}: run \`npm run build:lambda\` first.`);
  }
  Object.assign(process.env, env);
  installLambdaRuntimeGlobals();
  const openNext = (await import(pathToFileURL(entry).href)) as {
    handler: ServerHandler;
  };
  return openNext.handler;
}

/** One invocation through the function URL, answered as the URL would stream it back. */
export async function invokeServerFunction(
  handler: ServerHandler,
  event: unknown,
): Promise<FunctionUrlAnswer> {
  const stream = new ResponseStream();
  await handler(event, stream, lambdaContext('portico-server'));
  await stream.finished;
  return decodeHttpIntegrationResponse(stream);
}
