import { describe, expect, it } from 'vitest';
import { nextAttemptAt, retryWindowMs } from './backoff';

const start = Date.UTC(2026, 11, 2);
const minute = 60_000;

describe('outbox backoff', () => {
  it('doubles the wait from 30 s', () => {
    expect(nextAttemptAt(start, 1, start)).toBe(start + 30_000);
    expect(nextAttemptAt(start, 2, start)).toBe(start + minute);
    expect(nextAttemptAt(start, 3, start)).toBe(start + 2 * minute);
    expect(nextAttemptAt(start, 6, start)).toBe(start + 16 * minute);
  });

  it('waits at most 4 h between tries', () => {
    expect(nextAttemptAt(start, 20, start)).toBe(start + 240 * minute);
  });

  it('makes a last try at the end of the 24 h window, then gives up', () => {
    const late = start + retryWindowMs - minute;
    expect(nextAttemptAt(start, 12, late)).toBe(start + retryWindowMs);
    expect(nextAttemptAt(start, 13, start + retryWindowMs)).toBeUndefined();
  });

  it('tries about a dozen times in a day', () => {
    let now = start;
    let failures = 0;
    for (;;) {
      const next = nextAttemptAt(start, ++failures, now);
      if (next === undefined) break;
      now = next;
    }
    expect(failures).toBeGreaterThan(10);
    expect(failures).toBeLessThan(20);
  });
});
