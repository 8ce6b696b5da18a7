import { describe, expect, it, vi } from 'vitest';
import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  it('serves a hit until it expires, then loads again', async () => {
    let now = 0;
    const cache = new TtlCache(() => now);
    const load = vi.fn(async () => now);
    expect(await cache.get('a', 100, load)).toBe(0);
    now = 99;
    expect(await cache.get('a', 100, load)).toBe(0);
    now = 100;
    expect(await cache.get('a', 100, load)).toBe(100);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('shares one load between concurrent misses', async () => {
    const cache = new TtlCache();
    const load = vi.fn(() => new Promise<string>((resolve) => setTimeout(() => resolve('x'), 5)));
    const results = await Promise.all([1, 2, 3].map(() => cache.get('k', 1000, load)));
    expect(results).toEqual(['x', 'x', 'x']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('does not keep a failed load', async () => {
    const cache = new TtlCache();
    await expect(cache.get('k', 1000, () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(await cache.get('k', 1000, async () => 'ok')).toBe('ok');
  });

  it('invalidates by prefix', async () => {
    const cache = new TtlCache();
    await cache.get('catalog', 1000, async () => 1);
    await cache.get('export:a', 1000, async () => 2);
    cache.invalidate('export:');
    expect(await cache.get('catalog', 1000, async () => 3)).toBe(1);
    expect(await cache.get('export:a', 1000, async () => 4)).toBe(4);
  });
});
