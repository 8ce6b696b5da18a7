import {
  tryItEnvelopeSchema,
  tryItProblemSchema,
  type TryItEnvelope,
  type TryItProblem,
} from '@/lib/try-it/envelope';

/** What the console shows after a call: the API's answer, the portal's refusal, or a failure. */
export type ConsoleAnswer =
  | { kind: 'answer'; envelope: TryItEnvelope }
  | { kind: 'problem'; problem: TryItProblem }
  | { kind: 'failure'; message: string };

/** The fields of swagger-ui's stored response that the console reads. */
export interface SwaggerResponse {
  text?: unknown;
  message?: unknown;
}

/**
 * Reads the proxy's answer out of swagger-ui's response. The proxy always answers JSON; anything
 * else means the call never reached it (offline, refused by the console) or something between
 * changed it.
 */
export function consoleAnswerOf(response: SwaggerResponse): ConsoleAnswer {
  if (typeof response.text === 'string' && response.text !== '') {
    let json: unknown;
    try {
      json = JSON.parse(response.text);
    } catch {
      return { kind: 'failure', message: 'The portal sent an answer the console cannot read.' };
    }
    const envelope = tryItEnvelopeSchema.safeParse(json);
    if (envelope.success) return { kind: 'answer', envelope: envelope.data };
    const problem = tryItProblemSchema.safeParse(json);
    if (problem.success) return { kind: 'problem', problem: problem.data };
    return { kind: 'failure', message: 'The portal sent an answer the console cannot read.' };
  }
  const message = typeof response.message === 'string' && response.message ? response.message : '';
  return {
    kind: 'failure',
    message: `The call did not reach the portal${message ? ` (${message})` : ''}. Check your connection and try again.`,
  };
}

/** Pretty JSON when the body is JSON, the text as it is otherwise. */
export function displayBody(envelope: TryItEnvelope): string {
  if (envelope.bodyEncoding === 'base64') return envelope.body;
  try {
    return JSON.stringify(JSON.parse(envelope.body), null, 2);
  } catch {
    return envelope.body;
  }
}
