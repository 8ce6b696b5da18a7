import { describe, expect, it } from 'vitest';
import { formatBytes, tryItLimits } from './limits';

describe('try-it limits', () => {
  it('match API Gateway’s console', () => {
    expect(formatBytes(tryItLimits.maxRequestBodyBytes)).toBe('1 MB');
    expect(formatBytes(tryItLimits.maxResponseBodyBytes)).toBe('6 MB');
    expect(tryItLimits.timeoutMs).toBe(29_000);
    expect(tryItLimits.requestsPerSecond).toBe(5);
  });

  it('word other sizes', () => {
    expect(formatBytes(512 * 1024)).toBe('512 KB');
    expect(formatBytes(1000)).toBe('1000 bytes');
  });
});
