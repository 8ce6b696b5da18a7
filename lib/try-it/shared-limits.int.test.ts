import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { anonymousViewer } from '../audiences/audience';
import { clientIp } from '../auth/client-ip';
import { RateLimiter } from '../auth/rate-limit';
import { socketAddressHeader } from '../http/socket-address';
import { testPortalDeps } from '../testing/portal-deps';
import { tryItLimits } from './limits';
import { runTryRequest } from './try-request';

const deps = testPortalDeps();

/** A limiter as each server instance builds it: its own object, the same table. */
function instance(name: string, now = () => 0) {
  return new RateLimiter({ name, limit: tryItLimits.requestsPerSecond, windowMs: 1000 }, () => ({
    ...deps,
    now,
  }));
}

describe('limits shared through DynamoDB', () => {
  it('hold across server instances: 12 calls over three instances, 5 pass', async () => {
    const name = `shared-${randomUUID()}`;
    const instances = [instance(name), instance(name), instance(name)];
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, index) => instances[index % 3]!.tryAttempt('ip:203.0.113.5')),
    );
    expect(answers.filter(Boolean)).toHaveLength(5);
  });

  it('start again in the next window', async () => {
    let now = 0;
    const limiter = instance(`window-${randomUUID()}`, () => now);
    for (let attempt = 0; attempt < 5; attempt += 1)
      expect(await limiter.tryAttempt('k')).toBe(true);
    expect(await limiter.tryAttempt('k')).toBe(false);
    now = 1000;
    expect(await limiter.tryAttempt('k')).toBe(true);
  });

  it('count failures and forget them on reset', async () => {
    const limiter = new RateLimiter(
      { name: `reset-${randomUUID()}`, limit: 2, windowMs: 60_000 },
      () => deps,
    );
    await limiter.record('dev@example.test');
    expect(await limiter.isBlocked('dev@example.test')).toBe(false);
    await limiter.record('dev@example.test');
    expect(await limiter.isBlocked('dev@example.test')).toBe(true);
    await limiter.reset('dev@example.test');
    expect(await limiter.isBlocked('dev@example.test')).toBe(false);
  });
});

describe('the try-it limit for signed-out callers', () => {
  it('is not dodged by forging X-Forwarded-For: 12 parallel calls, no more than 5 pass', async () => {
    const limiter = instance(`try-it-${randomUUID()}`);
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, index) => {
        const headers = new Headers({
          'x-forwarded-for': `198.51.100.${index + 1}`,
          [socketAddressHeader]: '192.0.2.44',
        });
        return runTryRequest(
          deps,
          {
            slug: 'weather',
            method: 'GET',
            pathname: '/api/try/weather/cities',
            search: '',
            headers,
            body: null,
            clientIp: clientIp((header) => headers.get(header), 'none'),
            viewer: anonymousViewer,
          },
          { limiter },
        );
      }),
    );
    const passed = outcomes.filter((outcome) => outcome.ok || outcome.problem.status !== 429);
    expect(passed).toHaveLength(tryItLimits.requestsPerSecond);
  });
});
