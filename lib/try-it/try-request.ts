import 'server-only';
import { z } from 'zod';
import type { AudienceViewer } from '../audiences/audience';
import { RateLimiter, type Limiter } from '../auth/rate-limit';
import { getApiDocument } from '../gateway/api-docs';
import { findCatalogApi } from '../gateway/catalog-lookup';
import type { PortalDeps } from '../portal/deps';
import { encodeBody } from './body-encoding';
import type { TryItEnvelope, TryItProblem } from './envelope';
import { explainAnswer, type KeySource } from './explanation';
import { forwardUpstream, readCapped } from './forwarder';
import { placeKey, takePastedKey } from './key-placement';
import { scrubBytes, scrubHeaders, scrubText } from './key-scrub';
import { tryItLimits, type TryItLimits } from './limits';
import { problems } from './problems';
import { allowedHeaderSet, declaredHeaderNames, forwardableHeaders } from './request-headers';
import { forgetSubscriberKey, subscriberKey } from './subscriber-key';
import { normaliseStagePath, stageUrl, tailAfterSlug } from './target-path';

export const tryItMethodSchema = z.enum([
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'HEAD',
  'OPTIONS',
]);

/** A console request as the route handler received it. */
export interface TryRequest {
  slug: string;
  method: string;
  /** The portal request's path, still percent-encoded: `/api/try/{slug}/...`. */
  pathname: string;
  /** The query string without `?`. */
  search: string;
  headers: Headers;
  body: ReadableStream<Uint8Array> | null;
  /** The signed-in person, if any: their key is used when they did not paste one. */
  caller?: { sub: string };
  /** Who is asking, for the API's audience: an API they may not see is not found. */
  viewer: AudienceViewer;
  clientIp: string;
  /** Aborted when the browser goes away, so the upstream call stops too. */
  signal?: AbortSignal;
}

export type TryOutcome =
  { ok: true; envelope: TryItEnvelope } | { ok: false; problem: TryItProblem };

/** Counted in DynamoDB, like the sign-in limits: the rate holds across server instances. */
const defaultLimiter = new RateLimiter({
  name: 'try-it',
  limit: tryItLimits.requestsPerSecond,
  windowMs: 1000,
});

/** Bodies longer than this are sent but left out of the snippets, which would be unreadable. */
const maxSnippetBody = 64 * 1024;

const fail = (problem: TryItProblem): TryOutcome => ({ ok: false, problem });

/**
 * Forwards one console request to the published API's stage, adding the subscriber's key on
 * the server, and wraps the answer for the page. The target is the catalog's invoke URL; the
 * browser only chooses the path below it, the query, allowed headers and the body.
 */
export async function runTryRequest(
  deps: PortalDeps,
  request: TryRequest,
  options: { limits?: TryItLimits; limiter?: Limiter } = {},
): Promise<TryOutcome> {
  const limits = options.limits ?? tryItLimits;
  const limiter = options.limiter ?? defaultLimiter;
  const who = request.caller ? `user:${request.caller.sub}` : `ip:${request.clientIp}`;
  if (!(await limiter.tryAttempt(who))) return fail(problems.tooFast(limits));

  const method = tryItMethodSchema.safeParse(request.method.toUpperCase());
  if (!method.success) return fail(problems.badMethod(request.method));
  const api = await findCatalogApi(request.slug, request.viewer);
  if (!api) return fail(problems.notFound(request.slug));
  const document = await getApiDocument(api);
  if (!document.baseUrl) return fail(problems.notDeployed());
  const path = normaliseStagePath(tailAfterSlug(request.pathname));
  if (!path.ok) return fail(problems.badPath(path.reason));
  if (path.path.length + request.search.length > limits.maxUrlLength)
    return fail(problems.urlTooLong(limits));

  const query = new URLSearchParams(request.search);
  const incoming = new Headers(request.headers);
  const pasted = takePastedKey(document.keyLocation, incoming, query);
  if (!pasted.ok) return fail(problems.badKey(pasted.reason));
  const headers = forwardableHeaders(
    incoming,
    allowedHeaderSet(declaredHeaderNames(document.spec)),
  );
  const body = await readRequestBody(request, method.data, limits);
  if (body === 'too-large') return fail(problems.bodyTooLarge(limits));

  const subscription =
    !pasted.key && request.caller ? await subscriberKey(deps, request.caller.sub, api) : undefined;
  const key = pasted.key ?? subscription?.value;
  const keySource: KeySource = pasted.key ? 'pasted' : subscription ? 'subscription' : 'none';
  const shownUrl = stageUrl(document.baseUrl, path.path, query.toString());
  const upstreamHeaders = new Headers(headers);
  if (key) placeKey(document.keyLocation, key, upstreamHeaders, query);
  const target = stageUrl(document.baseUrl, path.path, query.toString());
  if (!shownUrl || !target) return fail(problems.badPath('it leaves the stage'));

  const outcome = await forwardUpstream(
    { url: target, method: method.data, headers: upstreamHeaders, body },
    limits,
    request.signal,
  );
  if (outcome.kind !== 'answered') {
    if (outcome.kind === 'timeout') return fail(problems.timeout(limits, outcome.elapsedMs));
    if (outcome.kind === 'too-large')
      return fail(problems.responseTooLarge(limits, outcome.elapsedMs));
    return fail(problems.unreachable(outcome.elapsedMs));
  }

  const secret = keySource === 'subscription' ? key : undefined;
  if (outcome.status === 403 && request.caller && keySource === 'subscription')
    forgetSubscriberKey(request.caller.sub, api);
  const encoded = encodeBody(outcome.body, outcome.headers.get('content-type'));
  // Text is scrubbed as text (escaped and encoded forms too); anything else byte by byte.
  const bodyText = encoded.bodyEncoding === 'text' ? scrubText(encoded.body, secret) : undefined;
  const body64 =
    bodyText === undefined
      ? Buffer.from(scrubBytes(outcome.body, secret)).toString('base64')
      : undefined;
  const sentBody = body && body.byteLength <= maxSnippetBody ? textOf(body) : undefined;

  return {
    ok: true,
    envelope: {
      status: outcome.status,
      statusText: scrubText(outcome.statusText, secret),
      headers: scrubHeaders(outcome.headers, secret),
      bodyEncoding: encoded.bodyEncoding,
      body: bodyText ?? body64 ?? '',
      elapsedMs: outcome.elapsedMs,
      explanation: explainAnswer({
        status: outcome.status,
        body: bodyText,
        keySource,
        keyLocation: document.keyLocation,
        plan: subscription?.plan,
        now: deps.now(),
      }),
      keySource,
      request: {
        method: method.data,
        url: shownUrl.toString(),
        headers: Object.fromEntries(headers.entries()),
        ...(sentBody === undefined ? {} : { body: sentBody }),
        keyLocation: document.keyLocation,
      },
    },
  };
}

async function readRequestBody(
  request: TryRequest,
  method: string,
  limits: TryItLimits,
): Promise<Uint8Array<ArrayBuffer> | undefined | 'too-large'> {
  if (method === 'GET' || method === 'HEAD' || !request.body) return undefined;
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limits.maxRequestBodyBytes) return 'too-large';
  const bytes = await readCapped(request.body, limits.maxRequestBodyBytes);
  if (!bytes) return 'too-large';
  return bytes.byteLength > 0 ? bytes : undefined;
}

function textOf(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
