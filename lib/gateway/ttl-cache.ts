interface Entry {
  expiresAt: number;
  value: Promise<unknown>;
}

/**
 * A process-wide cache for API Gateway reads, which are slow and rate-limited (~10 requests/s
 * per account). Concurrent misses share one load; a failed load is not cached.
 */
export class TtlCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > this.now()) return hit.value as Promise<T>;
    const value = load();
    this.entries.set(key, { expiresAt: this.now() + ttlMs, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  /** Forgets every entry whose key starts with `prefix` (all of them without one). */
  invalidate(prefix = ''): void {
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }
}
