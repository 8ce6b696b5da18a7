import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Standard Webhooks, symmetric scheme: HMAC-SHA256 over `{id}.{timestamp}.{body}` with the
 * endpoint's secret (base64, shown to admins with the `whsec_` prefix), sent as `v1,{base64}`.
 */
const secretPrefix = 'whsec_';

/** 32 random bytes: the specification asks for 24 to 64. */
export function newWebhookSecret(): string {
  return `${secretPrefix}${randomBytes(32).toString('base64')}`;
}

function secretBytes(secret: string): Buffer {
  const encoded = secret.startsWith(secretPrefix) ? secret.slice(secretPrefix.length) : secret;
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length === 0) throw new Error('A webhook secret cannot be empty.');
  return bytes;
}

/** The `webhook-signature` value for one attempt (timestamp in whole seconds). */
export function signWebhook(
  secret: string,
  message: { id: string; timestamp: number; body: string },
): string {
  const digest = createHmac('sha256', secretBytes(secret))
    .update(`${message.id}.${message.timestamp}.${message.body}`)
    .digest('base64');
  return `v1,${digest}`;
}

/**
 * The three headers a receiver verifies. Several secrets (during a rotation) give several
 * space-separated signatures; a receiver accepts the message if any one matches.
 */
export function webhookHeaders(
  secrets: string | string[],
  message: { id: string; timestamp: number; body: string },
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'webhook-id': message.id,
    'webhook-timestamp': String(message.timestamp),
    'webhook-signature': [secrets]
      .flat()
      .map((secret) => signWebhook(secret, message))
      .join(' '),
  };
}

/** Five minutes either way, as the specification recommends against replays. */
const toleranceSeconds = 5 * 60;

/**
 * A receiver's check, used by our tests and the local receiver: any of the space-separated
 * `v1` signatures must match, and the timestamp must be recent.
 */
export function verifyWebhook(
  secret: string,
  headers: Record<string, string | undefined>,
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  const id = headers['webhook-id'];
  const timestamp = Number(headers['webhook-timestamp']);
  const signatures = headers['webhook-signature'];
  if (!id || !signatures || !Number.isInteger(timestamp)) return false;
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, { id, timestamp, body }));
  return signatures.split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return (
      candidate.startsWith('v1,') &&
      given.length === expected.length &&
      timingSafeEqual(given, expected)
    );
  });
}
