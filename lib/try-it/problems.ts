import { formatBytes, type TryItLimits } from './limits';
import type { TryItProblem } from './envelope';

/** The portal's own refusals, worded for the person at the console. */
export const problems = {
  notFound: (slug: string): TryItProblem => ({
    title: 'No such API',
    status: 404,
    detail: `No published API is called "${slug}".`,
  }),
  notDeployed: (): TryItProblem => ({
    title: 'API not deployed',
    status: 502,
    detail: 'This API has no invoke URL yet, so there is nothing to call.',
  }),
  badPath: (reason: string): TryItProblem => ({
    title: 'Path refused',
    status: 400,
    detail: `The console only calls paths inside this API's stage: ${reason}.`,
  }),
  badMethod: (method: string): TryItProblem => ({
    title: 'Method not supported',
    status: 405,
    detail: `The console cannot send ${method} requests.`,
  }),
  badKey: (reason: string): TryItProblem => ({
    title: 'API key refused',
    status: 400,
    detail: reason,
  }),
  urlTooLong: (limits: TryItLimits): TryItProblem => ({
    title: 'URL too long',
    status: 414,
    detail: `The path and query may be at most ${limits.maxUrlLength} characters.`,
  }),
  bodyTooLarge: (limits: TryItLimits): TryItProblem => ({
    title: 'Request body too large',
    status: 413,
    detail: `The console sends request bodies of up to ${formatBytes(limits.maxRequestBodyBytes)}. Use curl or your own code for larger ones.`,
  }),
  tooFast: (limits: TryItLimits): TryItProblem => ({
    title: 'Slow down',
    status: 429,
    detail: `The console allows ${limits.requestsPerSecond} calls per second. Wait a moment and try again.`,
  }),
  notFromConsole: (): TryItProblem => ({
    title: 'Not a console request',
    status: 403,
    detail: "Requests to the try-it proxy come from the portal's own pages.",
  }),
  timeout: (limits: TryItLimits, elapsedMs: number): TryItProblem => ({
    title: 'No answer in time',
    status: 504,
    detail: `The API did not answer within ${limits.timeoutMs / 1000} seconds, the longest API Gateway waits too.`,
    elapsedMs,
  }),
  responseTooLarge: (limits: TryItLimits, elapsedMs: number): TryItProblem => ({
    title: 'Response too large to show',
    status: 502,
    detail: `The API answered with more than ${formatBytes(limits.maxResponseBodyBytes)}, more than the console shows. Call it with curl or your own code to see the whole answer.`,
    elapsedMs,
  }),
  unreachable: (elapsedMs: number): TryItProblem => ({
    title: 'API unreachable',
    status: 502,
    detail: "The portal could not reach this API's invoke URL. Try again in a moment.",
    elapsedMs,
  }),
};
