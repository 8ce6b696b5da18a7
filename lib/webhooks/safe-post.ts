import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { addressRefusal, urlRefusal, type UrlPolicy } from './url-policy';

export interface PostOutcome {
  /** The HTTP status, or undefined when no answer came (refused address, timeout, network). */
  status?: number;
  latencyMs: number;
  error?: string;
}

export const deliveryTimeoutMs = 10_000;

export class RefusedAddressError extends Error {
  override name = 'RefusedAddressError';
}

/**
 * Resolves the host and checks every address before connecting, and connects to the address
 * it checked: a DNS answer that changes between check and connect (rebinding) cannot slip a
 * private address in.
 */
function checkedLookup(policy: UrlPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refusal = addresses
        .map((entry) => addressRefusal(entry.address, policy))
        .find((reason) => reason !== undefined);
      if (refusal) return callback(new RefusedAddressError(refusal), '', 0);
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      if (!first) return callback(new RefusedAddressError(`${hostname} has no address.`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

/** One POST: checked URL and addresses, 10 s for the whole exchange, redirects not followed. */
export function safePost(
  url: string,
  headers: Record<string, string>,
  body: string,
  policy: UrlPolicy,
  timeoutMs = deliveryTimeoutMs,
): Promise<PostOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const refusal = urlRefusal(url, policy);
  if (refusal) return Promise.resolve({ latencyMs: 0, error: refusal });
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: checkedLookup(policy),
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        // Only the status matters; the body is drained so the socket is freed.
        response.resume();
        response.once('end', () => resolve({ status: response.statusCode, latencyMs: elapsed() }));
        response.once('error', (error) =>
          resolve({ status: response.statusCode, latencyMs: elapsed(), error: error.message }),
        );
      },
    );
    request.once('error', (error) =>
      resolve({
        latencyMs: elapsed(),
        error:
          error.name === 'AbortError'
            ? `No answer within ${timeoutMs / 1000} s.`
            : error instanceof RefusedAddressError
              ? error.message
              : `Could not connect: ${error.message}`,
      }),
    );
    request.end(body);
  });
}
