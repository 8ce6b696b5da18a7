/**
 * The token bucket API Gateway throttles with: it holds at most `burst` tokens, refills at
 * `rate` tokens per second, and each request takes one token or is refused. A bucket starts
 * full, so a quiet client may send `burst` requests at once.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly rate: number,
    readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.updatedAt = now;
  }

  tryTake(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Seconds until the next token, for Retry-After. */
  secondsUntilToken(now: number): number {
    this.refill(now);
    if (this.tokens >= 1 || this.rate <= 0) return this.tokens >= 1 ? 0 : Infinity;
    return (1 - this.tokens) / this.rate;
  }

  private refill(now: number): void {
    const elapsedSeconds = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.burst, this.tokens + elapsedSeconds * this.rate);
    this.updatedAt = now;
  }
}

/** Buckets by name, replaced when their limits change. */
export class BucketSet {
  private buckets = new Map<string, TokenBucket>();

  tryTake(name: string, rate: number, burst: number, now: number): boolean {
    return this.bucket(name, rate, burst, now).tryTake(now);
  }

  bucket(name: string, rate: number, burst: number, now: number): TokenBucket {
    let bucket = this.buckets.get(name);
    if (!bucket || bucket.rate !== rate || bucket.burst !== burst) {
      bucket = new TokenBucket(rate, burst, now);
      this.buckets.set(name, bucket);
    }
    return bucket;
  }
}
