import { describe, expect, it } from 'vitest';
import { describeQuota, describeThrottle } from './plan-wording';

describe('describeThrottle', () => {
  it.each([
    [{ rateLimit: 10, burstLimit: 20 }, '10 requests per second, bursts of 20'],
    [{ rateLimit: 1, burstLimit: 1 }, '1 request per second, bursts of 1'],
    [{ rateLimit: 2.5 }, '2.5 requests per second'],
    [{ rateLimit: 5000, burstLimit: 10000 }, '5,000 requests per second, bursts of 10,000'],
    [undefined, 'No rate limit'],
  ])('%j → %s', (throttle, words) => expect(describeThrottle(throttle)).toBe(words));
});

describe('describeQuota', () => {
  it.each([
    [
      { limit: 10000, period: 'MONTH', offset: 0 },
      '10,000 requests per month, resets on the 1st at 00:00 UTC',
    ],
    [
      { limit: 5, period: 'MONTH', offset: 1 },
      '5 requests per month, resets on the 2nd at 00:00 UTC',
    ],
    [
      { limit: 5, period: 'MONTH', offset: 2 },
      '5 requests per month, resets on the 3rd at 00:00 UTC',
    ],
    [
      { limit: 5, period: 'MONTH', offset: 10 },
      '5 requests per month, resets on the 11th at 00:00 UTC',
    ],
    [
      { limit: 5, period: 'MONTH', offset: 20 },
      '5 requests per month, resets on the 21st at 00:00 UTC',
    ],
    [
      { limit: 5, period: 'MONTH', offset: 22 },
      '5 requests per month, resets on the 23rd at 00:00 UTC',
    ],
    [
      { limit: 1000, period: 'DAY', offset: 0 },
      '1,000 requests per day, resets daily at 00:00 UTC',
    ],
    [{ limit: 1, period: 'WEEK', offset: 0 }, '1 request per week, resets on Sunday at 00:00 UTC'],
    [{ limit: 1, period: 'WEEK', offset: 1 }, '1 request per week, resets on Monday at 00:00 UTC'],
    [undefined, 'No quota'],
  ])('%j → %s', (quota, words) => expect(describeQuota(quota)).toBe(words));
});
