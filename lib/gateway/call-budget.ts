/** Time as the budget sees it: real in the portal, controllable in tests. */
export interface BudgetClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: BudgetClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface BudgetStats {
  calls: number;
  /** Calls API Gateway answered with TooManyRequests. */
  throttled: number;
  /** Total time calls waited for a token, ms. */
  waitedMs: number;
}

/** The first pause after a TooManyRequests; each further one in a row doubles it. */
const firstBackoffMs = 500;
const maxBackoffMs = 16_000;

/**
 * A token bucket in front of every API Gateway control-plane call. The account's limit
 * (~10 requests/s, burst 40) is shared with the provider's own deploys, so the portal keeps
 * well under it on its own; when API Gateway still throttles, every caller in the process
 * pauses (doubling per throttle in a row) instead of each retrying into the wall.
 * Callers are served in arrival order.
 */
export class CallBudget {
  private tokens: number;
  private updatedAt: number;
  private pausedUntil = 0;
  private throttlesInARow = 0;
  private queue: Promise<void> = Promise.resolve();
  readonly stats: BudgetStats = { calls: 0, throttled: 0, waitedMs: 0 };

  constructor(
    readonly callsPerSecond: number,
    readonly burst: number = Math.max(1, Math.ceil(callsPerSecond * 2)),
    private readonly clock: BudgetClock = systemClock,
  ) {
    if (!(callsPerSecond > 0)) throw new RangeError('callsPerSecond must be positive');
    this.tokens = burst;
    this.updatedAt = clock.now();
  }

  /** Resolves when the caller may make one call. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.waitForToken());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** API Gateway answered TooManyRequests: empty the bucket and back off. */
  throttled(): void {
    this.stats.throttled += 1;
    const pause = Math.min(maxBackoffMs, firstBackoffMs * 2 ** this.throttlesInARow);
    this.throttlesInARow += 1;
    this.tokens = 0;
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + pause);
  }

  /** A call went through: the next throttle starts the backoff from the beginning. */
  succeeded(): void {
    this.throttlesInARow = 0;
  }

  private refill(): void {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - this.updatedAt);
    this.tokens = Math.min(this.burst, this.tokens + (elapsed * this.callsPerSecond) / 1000);
    this.updatedAt = now;
  }

  private async waitForToken(): Promise<void> {
    const started = this.clock.now();
    for (;;) {
      const now = this.clock.now();
      if (now < this.pausedUntil) {
        await this.clock.sleep(this.pausedUntil - now);
        continue;
      }
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        this.stats.calls += 1;
        this.stats.waitedMs += this.clock.now() - started;
        return;
      }
      await this.clock.sleep(Math.ceil(((1 - this.tokens) * 1000) / this.callsPerSecond));
    }
  }
}
