import type { NextRequest } from 'next/server';
import { audienceViewer } from '@/lib/audiences/viewer';
import { clientIp } from '@/lib/auth/client-ip';
import { currentUser } from '@/lib/auth/session';
import { portalDeps } from '@/lib/portal/server-deps';
import { consoleHeader, methodOverrideHeader } from '@/lib/try-it/console-request';
import { envelopeResponse, problemResponse } from '@/lib/try-it/http-answer';
import { problems } from '@/lib/try-it/problems';
import { runTryRequest } from '@/lib/try-it/try-request';

type Context = { params: Promise<{ slug: string; path: string[] }> };

export const dynamic = 'force-dynamic';

/**
 * `/api/try/{slug}/{path...}`: the docs page's try-it console, forwarded to the API's stage.
 * Only the portal's own script sets the console header, which a cross-site form or link
 * cannot, so another site cannot spend a signed-in subscriber's quota (CSRF).
 */
async function handler(request: NextRequest, { params }: Context): Promise<Response> {
  if (request.headers.get(consoleHeader) !== '1') return problemResponse(problems.notFromConsole());
  const { slug } = await params;
  const user = await currentUser();
  const url = new URL(request.url);
  // HEAD cannot carry the JSON answer back, so the console sends it as a POST that says so.
  const override = request.method === 'POST' ? request.headers.get(methodOverrideHeader) : null;
  const outcome = await runTryRequest(portalDeps(), {
    slug,
    method: override ?? request.method,
    pathname: url.pathname,
    search: url.search.slice(1),
    headers: request.headers,
    body: request.body,
    caller: user ? { sub: user.sub } : undefined,
    viewer: await audienceViewer(),
    clientIp: clientIp((name) => request.headers.get(name)),
    signal: request.signal,
  });
  return outcome.ok ? envelopeResponse(outcome.envelope) : problemResponse(outcome.problem);
}

export {
  handler as GET,
  handler as POST,
  handler as PUT,
  handler as PATCH,
  handler as DELETE,
  handler as HEAD,
  handler as OPTIONS,
};
