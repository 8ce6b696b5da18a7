import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket';

/** A small deterministic PRNG (mulberry32) so a failing case can be replayed from its seed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('token bucket', () => {
  it('lets a quiet client burst, then refills at the rate', () => {
    const bucket = new TokenBucket(2, 3, 0);
    expect([0, 0, 0, 0].map((t) => bucket.tryTake(t))).toEqual([true, true, true, false]);
    expect(bucket.tryTake(499)).toBe(false);
    expect(bucket.tryTake(500)).toBe(true);
    expect(bucket.secondsUntilToken(500)).toBeCloseTo(0.5);
  });

  it('never holds more than its burst, however long it was idle', () => {
    const bucket = new TokenBucket(100, 5, 0);
    const accepted = Array.from({ length: 10 }, () => bucket.tryTake(3_600_000)).filter(Boolean);
    expect(accepted).toHaveLength(5);
  });

  it('accepts at most burst + rate × elapsed in every window, and all of a paced client', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const next = random(seed);
      const rate = 1 + Math.floor(next() * 50);
      const burst = 1 + Math.floor(next() * 20);
      const bucket = new TokenBucket(rate, burst, 0);
      let now = 0;
      const acceptedAt: number[] = [];
      for (let request = 0; request < 300; request += 1) {
        now += Math.floor(next() * (2000 / rate));
        if (bucket.tryTake(now)) acceptedAt.push(now);
      }
      // Counting (not expect) in the inner loop keeps 200 cases × 300 requests fast.
      let violations = 0;
      for (let first = 0; first < acceptedAt.length; first += 1) {
        for (let last = first; last < acceptedAt.length; last += 1) {
          const elapsed = (acceptedAt[last]! - acceptedAt[first]!) / 1000;
          if (last - first + 1 > burst + rate * elapsed + 1e-9) violations += 1;
        }
      }
      expect(violations, `seed ${seed}`).toBe(0);
      expect(acceptedAt.length, `seed ${seed}`).toBeGreaterThan(0);

      const paced = new TokenBucket(rate, burst, 0);
      const interval = Math.ceil(1000 / rate);
      const pacedAccepted = Array.from({ length: 100 }, (_, request) =>
        paced.tryTake((request + 1) * interval),
      ).filter(Boolean).length;
      expect(pacedAccepted, `seed ${seed}`).toBe(100);
    }
  });
});
