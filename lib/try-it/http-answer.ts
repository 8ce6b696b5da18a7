import type { TryItEnvelope, TryItProblem } from './envelope';

/**
 * Whatever the API answered, the portal answers JSON that no browser will sniff, render or
 * frame: an API's HTML or script never runs on the portal's origin, and nothing is cached.
 */
const safeHeaders = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
  'content-disposition': 'inline; filename="try-it.json"',
};

export function envelopeResponse(envelope: TryItEnvelope): Response {
  return new Response(JSON.stringify(envelope), {
    status: 200,
    headers: { ...safeHeaders, 'content-type': 'application/json; charset=utf-8' },
  });
}

export function problemResponse(problem: TryItProblem): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: {
      ...safeHeaders,
      'content-type': 'application/problem+json; charset=utf-8',
      ...(problem.status === 429 ? { 'retry-after': '1' } : {}),
    },
  });
}
