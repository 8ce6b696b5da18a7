/**
 * Behind CloudFront, the portal's Lambda function URL accepts only requests CloudFront signs
 * (origin access control), and Lambda refuses to accept a signed request with a body unless
 * the viewer states the body's SHA-256 in `x-amz-content-sha256`. Browsers do not send it, so
 * every same-origin request with a body (server actions, NextAuth's sign-in and sign-out, the
 * try-it console) goes through this wrapper. Elsewhere (local mode, tests) the header is
 * simply ignored, so the portal keeps one code path.
 */
export const payloadHashHeader = 'x-amz-content-sha256';

const methodsWithBody = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function sha256Hex(body: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', body);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function withPayloadHash(fetchImpl: typeof fetch, origin: string): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    if (
      !methodsWithBody.has(request.method) ||
      new URL(request.url).origin !== origin ||
      request.headers.has(payloadHashHeader)
    ) {
      return fetchImpl(input, init);
    }
    // Reading the body serialises FormData with its boundary, exactly as it will be sent.
    const body = await request.arrayBuffer();
    const headers = new Headers(request.headers);
    headers.set(payloadHashHeader, await sha256Hex(body));
    return fetchImpl(new Request(request, { body, headers }));
  };
}
