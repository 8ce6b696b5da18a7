/**
 * The subscriber's key, which the server added to a try-it call, never goes back to the
 * browser in any form an API might echo it in: as it is, percent- or JSON-escaped, in hex,
 * in base64 or base64url at any alignment (a base64 blob that contains it), or as UTF-16 in a
 * binary body. Server side only (Buffer), pure, so it is tested without a network.
 */
export const redactedKey = '[your API key]';

/** Shorter fragments could match by chance; every form of a real key is far longer. */
const minFormLength = 12;

/** Every text form of `secret` this module scrubs, longest first. */
export function secretForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms = new Set<string>([
    secret,
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
    bytes.toString('hex'),
    bytes.toString('hex').toUpperCase(),
  ]);
  for (const encoded of base64Fragments(bytes)) {
    forms.add(encoded);
    forms.add(encoded.replaceAll('+', '-').replaceAll('/', '_'));
    forms.add(encodeURIComponent(encoded));
  }
  return [...forms]
    .filter((form) => form.length >= minFormLength)
    .sort((a, b) => b.length - a.length);
}

/**
 * Base64 of the secret starting at byte offset 0, 1 or 2 of a larger blob: the characters
 * that depend on the secret's bits only (character k holds bits 6k..6k+5 of the stream).
 */
function base64Fragments(secret: Buffer): string[] {
  return [0, 1, 2].map((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), secret]).toString('base64');
    const start = Math.ceil((8 * offset) / 6);
    const end = Math.floor((8 * (offset + secret.length)) / 6);
    return encoded.slice(start, end);
  });
}

export function scrubText(text: string, secret: string | undefined): string {
  if (!secret) return text;
  return secretForms(secret).reduce(
    (scrubbed, form) => scrubbed.replaceAll(form, redactedKey),
    text,
  );
}

/** Binary bodies keep their length: each occurrence is overwritten with `*`. */
export function scrubBytes(bytes: Uint8Array, secret: string | undefined): Uint8Array {
  if (!secret) return bytes;
  const out = Buffer.from(bytes);
  const patterns = [
    ...secretForms(secret).map((form) => Buffer.from(form, 'utf8')),
    Buffer.from(secret, 'utf16le'),
    Buffer.from(secret, 'utf16le').swap16(),
  ];
  for (const pattern of patterns) {
    for (let at = out.indexOf(pattern); at !== -1; at = out.indexOf(pattern, at + pattern.length))
      out.fill(0x2a, at, at + pattern.length);
  }
  return out;
}

/**
 * Response headers without the key: in a value it is replaced; a header whose name holds it
 * is dropped (names arrive lower-cased, so they are compared without case).
 */
export function scrubHeaders(headers: Headers, secret: string | undefined): Record<string, string> {
  const scrubbed: Record<string, string> = {};
  const inNames = secret ? secretForms(secret).map((form) => form.toLowerCase()) : [];
  headers.forEach((value, name) => {
    if (inNames.some((form) => name.includes(form))) return;
    scrubbed[name] = scrubText(value, secret);
  });
  return scrubbed;
}
