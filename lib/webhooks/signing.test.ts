import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signWebhook, verifyWebhook, webhookHeaders } from './signing';

// The signing vector of the Standard Webhooks reference libraries.
const vector = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

describe('Standard Webhooks signing', () => {
  it('matches the specification vector, with or without the whsec_ prefix', () => {
    const message = { id: vector.id, timestamp: vector.timestamp, body: vector.body };
    expect(signWebhook(vector.secret, message)).toBe(vector.signature);
    expect(signWebhook(vector.secret.slice('whsec_'.length), message)).toBe(vector.signature);
  });

  it('verifies the vector at its own time and among several signatures', () => {
    const headers = {
      'webhook-id': vector.id,
      'webhook-timestamp': String(vector.timestamp),
      'webhook-signature': `v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= ${vector.signature}`,
    };
    expect(verifyWebhook(vector.secret, headers, vector.body, vector.timestamp)).toBe(true);
  });

  it('refuses a changed body, a stale or future timestamp and missing headers', () => {
    const headers = webhookHeaders(vector.secret, vector);
    expect(verifyWebhook(vector.secret, headers, '{"test": 1}', vector.timestamp)).toBe(false);
    expect(verifyWebhook(vector.secret, headers, vector.body, vector.timestamp + 301)).toBe(false);
    expect(verifyWebhook(vector.secret, headers, vector.body, vector.timestamp - 301)).toBe(false);
    expect(verifyWebhook(vector.secret, { ...headers, 'webhook-id': undefined }, vector.body)).toBe(
      false,
    );
    expect(
      verifyWebhook(
        vector.secret,
        { ...headers, 'webhook-signature': 'v1,' },
        vector.body,
        vector.timestamp,
      ),
    ).toBe(false);
  });

  it('makes a fresh secret of 32 bytes each time', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
  });
});
