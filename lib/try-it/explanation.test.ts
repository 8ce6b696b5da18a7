import { describe, expect, it } from 'vitest';
import { explainAnswer, type AnswerToExplain } from './explanation';

const now = Date.UTC(2026, 10, 23, 15, 30);
const bronze = {
  name: 'Bronze',
  throttle: { rateLimit: 1, burstLimit: 2 },
  quota: { limit: 1000, period: 'DAY', offset: 0 },
};
const answer = (overrides: Partial<AnswerToExplain>): AnswerToExplain => ({
  status: 200,
  body: '{}',
  keySource: 'subscription',
  keyLocation: { in: 'header', name: 'x-api-key' },
  now,
  ...overrides,
});

describe('explainAnswer', () => {
  it('leaves the API’s own answers alone', () => {
    expect(explainAnswer(answer({ status: 200 }))).toBeUndefined();
    expect(
      explainAnswer(answer({ status: 404, body: '{"message":"no such city"}' })),
    ).toBeUndefined();
    expect(explainAnswer(answer({ status: 403, body: '<html>nope</html>' }))).toBeUndefined();
  });

  it('explains 403 Forbidden, and says where the key goes when none was sent', () => {
    const forbidden = { status: 403, body: '{"message":"Forbidden"}' };
    expect(explainAnswer(answer({ ...forbidden, keySource: 'pasted' }))).toBe(
      'API Gateway refused the call: this key is missing, disabled or not subscribed to a plan covering this API.',
    );
    expect(
      explainAnswer(
        answer({ ...forbidden, keySource: 'none', keyLocation: { in: 'query', name: 'api_key' } }),
      ),
    ).toContain('paste your key (it goes in the `api_key` query parameter)');
  });

  it('explains 429 Too Many Requests with the plan’s rate and burst', () => {
    const throttled = { status: 429, body: '{"message":"Too Many Requests"}' };
    expect(explainAnswer(answer({ ...throttled, plan: bronze }))).toBe(
      'Too many requests in a short time: Bronze allows 1 request per second, bursts of 2. Wait a second and try again.',
    );
    expect(explainAnswer(answer({ ...throttled, keySource: 'pasted' }))).toContain(
      "this key's plan allows",
    );
  });

  it('explains 429 Limit Exceeded with the quota and when it resets, in UTC', () => {
    const exceeded = { status: 429, body: '{"message":"Limit Exceeded"}' };
    expect(explainAnswer(answer({ ...exceeded, plan: bronze }))).toBe(
      "This key has used up Bronze's quota (1,000 requests per day, resets daily at 00:00 UTC). It resets at 2026-11-24 00:00 UTC.",
    );
    const monthly = { ...bronze, quota: { limit: 5, period: 'MONTH', offset: 14 } };
    expect(explainAnswer(answer({ ...exceeded, plan: monthly }))).toContain(
      'It resets at 2026-12-15 00:00 UTC.',
    );
    expect(explainAnswer(answer({ ...exceeded, keySource: 'pasted' }))).toContain(
      'quota periods are UTC',
    );
  });

  it('explains the other refusals API Gateway makes itself', () => {
    expect(
      explainAnswer(answer({ status: 403, body: '{"message":"Missing Authentication Token"}' })),
    ).toContain('no such resource or method');
    expect(
      explainAnswer(
        answer({
          status: 401,
          body: '{"message":"Unauthorized"}',
          keyLocation: { in: 'query', name: 'api_key' },
        }),
      ),
    ).toBe("The API's authorizer found no key: it reads it from the `api_key` query parameter.");
    expect(
      explainAnswer(answer({ status: 504, body: '{"message":"Endpoint request timed out"}' })),
    ).toContain('29 seconds');
    expect(
      explainAnswer(answer({ status: 502, body: '{"message":"Internal server error"}' })),
    ).toContain("API's backend");
    expect(explainAnswer(answer({ status: 302, body: '' }))).toContain('redirect');
  });
});
