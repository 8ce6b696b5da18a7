import 'server-only';

export interface UpstreamRequest {
  url: URL;
  method: string;
  headers: Headers;
  body?: Uint8Array<ArrayBuffer>;
}

export type UpstreamOutcome =
  | {
      kind: 'answered';
      status: number;
      statusText: string;
      headers: Headers;
      body: Uint8Array<ArrayBuffer>;
      elapsedMs: number;
    }
  | { kind: 'timeout' | 'too-large' | 'unreachable'; elapsedMs: number };

export interface ForwardLimits {
  timeoutMs: number;
  maxResponseBodyBytes: number;
}

/**
 * One call to the stage's invoke URL: redirects are returned, never followed (a 3xx could point
 * anywhere), the whole exchange is cut at the timeout, and the answer is read only up to the
 * limit, so a huge or endless body never fills the portal's memory.
 */
export async function forwardUpstream(
  request: UpstreamRequest,
  limits: ForwardLimits,
  callerGone?: AbortSignal,
): Promise<UpstreamOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = callerGone ? AbortSignal.any([timeout, callerGone]) : timeout;
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      redirect: 'manual',
      signal,
      ...(request.body && request.method !== 'GET' && request.method !== 'HEAD'
        ? { body: request.body }
        : {}),
    });
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > limits.maxResponseBodyBytes) {
      await response.body?.cancel();
      return { kind: 'too-large', elapsedMs: elapsed() };
    }
    const body = await readCapped(response.body, limits.maxResponseBodyBytes);
    if (!body) return { kind: 'too-large', elapsedMs: elapsed() };
    return {
      kind: 'answered',
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      body,
      elapsedMs: elapsed(),
    };
  } catch {
    return { kind: timeout.aborted ? 'timeout' : 'unreachable', elapsedMs: elapsed() };
  }
}

/** The whole stream, or undefined as soon as it passes `max` bytes (the rest is not read). */
export async function readCapped(
  stream: ReadableStream<Uint8Array> | null,
  max: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (!stream) return new Uint8Array();
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
