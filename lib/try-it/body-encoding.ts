/**
 * Turning upstream bytes into the envelope's body. Server side only (it uses Buffer), but pure,
 * so it is tested without a network.
 */
const textual =
  /^(text\/|application\/(json|xml|javascript|ecmascript|x-www-form-urlencoded|yaml|x-yaml|graphql|problem\+json|problem\+xml)\b)|\+(json|xml)\b/i;

/**
 * The body as text when its type says text (or says nothing) and it is valid UTF-8, else
 * base64: binary answers survive the JSON envelope unchanged.
 */
export function encodeBody(
  bytes: Uint8Array,
  contentType: string | null,
): { bodyEncoding: 'text' | 'base64'; body: string } {
  if (bytes.byteLength === 0) return { bodyEncoding: 'text', body: '' };
  if (!contentType || textual.test(contentType)) {
    try {
      return {
        bodyEncoding: 'text',
        body: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      };
    } catch {
      // Not UTF-8 after all: fall through to base64.
    }
  }
  return { bodyEncoding: 'base64', body: Buffer.from(bytes).toString('base64') };
}
