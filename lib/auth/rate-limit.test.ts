import { describe, expect, it } from 'vitest';
import { AttemptLimiter } from './rate-limit';

function clock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('AttemptLimiter', () => {
  it('allows `limit` attempts per window, then refuses', () => {
    const time = clock();
    const limiter = new AttemptLimiter(3, 60_000, time.now);
    expect([1, 2, 3, 4].map(() => limiter.tryAttempt('ip:1'))).toEqual([true, true, true, false]);
  });

  it('slides: an attempt leaves the window after windowMs', () => {
    const time = clock();
    const limiter = new AttemptLimiter(2, 60_000, time.now);
    limiter.tryAttempt('k');
    time.advance(30_000);
    limiter.tryAttempt('k');
    expect(limiter.tryAttempt('k')).toBe(false);
    time.advance(30_000);
    expect(limiter.tryAttempt('k')).toBe(true);
    expect(limiter.tryAttempt('k')).toBe(false);
  });

  it('refuses when any key is over, without counting the refused attempt', () => {
    const time = clock();
    const limiter = new AttemptLimiter(2, 60_000, time.now);
    limiter.tryAttempt('ip:1', 'email:a');
    limiter.tryAttempt('ip:1', 'email:b');
    expect(limiter.tryAttempt('ip:1', 'email:c')).toBe(false);
    expect(limiter.tryAttempt('ip:2', 'email:c')).toBe(true);
    expect(limiter.tryAttempt('ip:2', 'email:c')).toBe(true);
  });

  it('can count only what failed: isBlocked checks, record counts', () => {
    const time = clock();
    const limiter = new AttemptLimiter(2, 60_000, time.now);
    expect(limiter.isBlocked('email:a')).toBe(false);
    limiter.record('email:a');
    expect(limiter.isBlocked('email:a')).toBe(false);
    limiter.record('email:a');
    expect(limiter.isBlocked('email:a')).toBe(true);
    time.advance(60_000);
    expect(limiter.isBlocked('email:a')).toBe(false);
  });

  it('forgets a key on reset', () => {
    const limiter = new AttemptLimiter(1, 60_000, clock().now);
    limiter.tryAttempt('email:a');
    limiter.reset('email:a');
    expect(limiter.tryAttempt('email:a')).toBe(true);
  });

  it('keeps at most maxKeys keys, dropping the least recently used', () => {
    const limiter = new AttemptLimiter(1, 60_000, clock().now, 2);
    limiter.tryAttempt('a');
    limiter.tryAttempt('b');
    limiter.tryAttempt('c');
    expect(limiter.tryAttempt('a')).toBe(true);
    expect(limiter.tryAttempt('c')).toBe(false);
  });
});
