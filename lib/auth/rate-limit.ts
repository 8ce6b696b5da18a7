import 'server-only';
import { dynamoClient } from '../aws';
import { config } from '../config';
import {
  clearHits,
  countHit,
  currentHits,
  type CounterDeps,
  type RateRule,
} from '../store/rate-counters';

/** What the try-it proxy and the auth forms need from a limit (tests pass their own deps). */
export interface Limiter {
  tryAttempt(...keys: string[]): Promise<boolean>;
}

/**
 * A limit on attempts per key (an address or an email) in fixed windows, counted in the
 * portal's DynamoDB table so that it holds across every server instance (the serverless
 * deployment runs many). A failure to count is an error, not a free pass.
 */
export class RateLimiter implements Limiter {
  constructor(
    readonly rule: RateRule,
    private readonly deps: () => CounterDeps = serverCounterDeps,
  ) {}

  /** Counts an attempt for every key; false if any of them is now over the limit. */
  async tryAttempt(...keys: string[]): Promise<boolean> {
    const counts = await Promise.all(keys.map((key) => countHit(this.deps(), this.rule, key)));
    return counts.every((count) => count <= this.rule.limit);
  }

  /** Whether `key` has used up its attempts, without counting this as one. */
  async isBlocked(key: string): Promise<boolean> {
    return (await currentHits(this.deps(), this.rule, key)) >= this.rule.limit;
  }

  /** Counts an attempt that already happened (e.g. a failed sign-in), whatever the limit. */
  async record(key: string): Promise<void> {
    await countHit(this.deps(), this.rule, key);
  }

  /** Forgets a key's attempts in the current window, e.g. an email's after it signed in. */
  async reset(key: string): Promise<void> {
    await clearHits(this.deps(), this.rule, key);
  }
}

function serverCounterDeps(): CounterDeps {
  return { dynamo: dynamoClient(), tableName: config().tableName, now: Date.now };
}
