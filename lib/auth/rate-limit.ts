/**
 * A sliding-window limit on attempts per key (an IP address or an email), kept in this
 * process's memory. It slows down password guessing and sign-up floods from one source; it is
 * not shared between server instances, so each instance allows `limit` on its own.
 */
export class AttemptLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    /** Bounds memory under a flood of distinct keys: the oldest keys are forgotten first. */
    private readonly maxKeys = 10_000,
  ) {}

  /** Records an attempt for every key; false (and nothing recorded) if any key is over. */
  tryAttempt(...keys: string[]): boolean {
    const now = this.now();
    const recent = keys.map((key) => this.recent(key, now));
    if (recent.some((times) => times.length >= this.limit)) return false;
    keys.forEach((key, index) => this.remember(key, [...(recent[index] ?? []), now]));
    return true;
  }

  /** Whether `key` has used up its attempts, without counting this as one. */
  isBlocked(key: string): boolean {
    return this.recent(key, this.now()).length >= this.limit;
  }

  /** Counts an attempt that already happened (e.g. a failed sign-in), whatever the limit. */
  record(key: string): void {
    const now = this.now();
    this.remember(key, [...this.recent(key, now), now]);
  }

  /** Forgets a key's attempts, e.g. an email's after it signed in successfully. */
  reset(key: string): void {
    this.attempts.delete(key);
  }

  private remember(key: string, times: number[]): void {
    this.attempts.delete(key);
    this.attempts.set(key, times);
    while (this.attempts.size > this.maxKeys) {
      const oldest = this.attempts.keys().next().value;
      if (oldest === undefined) break;
      this.attempts.delete(oldest);
    }
  }

  private recent(key: string, now: number): number[] {
    return (this.attempts.get(key) ?? []).filter((time) => now - time < this.windowMs);
  }
}
