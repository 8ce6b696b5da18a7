import type { Clock } from '../model/types';
import { tooManyRequests } from '../errors';
import { BucketSet } from '../throttle/token-bucket';

export interface ControlPlaneRateLimit {
  /** Account-wide requests per second and burst (AWS: 10 and 40). */
  rate: number;
  burst: number;
  /** Tighter limits of single operations (AWS: CreateApiKey and DeleteApiKey, 5 per second). */
  operations?: Record<string, { rate: number; burst: number }>;
}

export const awsControlPlaneRateLimit: ControlPlaneRateLimit = {
  rate: 10,
  burst: 40,
  operations: { CreateApiKey: { rate: 5, burst: 5 }, DeleteApiKey: { rate: 5, burst: 5 } },
};

/** API Gateway's control-plane throttling: 429 TooManyRequestsException with Retry-After. */
export function controlPlaneLimiter(limit: ControlPlaneRateLimit, clock: Clock) {
  const buckets = new BucketSet();
  return (operation: string): void => {
    const now = clock.now();
    const own = limit.operations?.[operation];
    const ownBucket = own && buckets.bucket(`op:${operation}`, own.rate, own.burst, now);
    const account = buckets.bucket('account', limit.rate, limit.burst, now);
    if (ownBucket && !ownBucket.tryTake(now)) {
      throw tooManyRequests(Math.ceil(ownBucket.secondsUntilToken(now)));
    }
    if (!account.tryTake(now)) throw tooManyRequests(Math.ceil(account.secondsUntilToken(now)));
  };
}
