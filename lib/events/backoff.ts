/** How long the outbox keeps trying one delivery or mail before it gives up. */
export const retryWindowMs = 24 * 60 * 60 * 1000;

const firstDelayMs = 30_000;
const longestDelayMs = 4 * 60 * 60 * 1000;

/**
 * When to try again after `failures` failed attempts: 30 s, 1 min, 2 min, … doubling up to
 * 4 h between tries, for 24 h after the first attempt; then undefined (give up).
 */
export function nextAttemptAt(
  firstAttemptAt: number,
  failures: number,
  now: number,
): number | undefined {
  const delay = Math.min(firstDelayMs * 2 ** Math.max(failures - 1, 0), longestDelayMs);
  const deadline = firstAttemptAt + retryWindowMs;
  if (now >= deadline) return undefined;
  return Math.min(now + delay, deadline);
}
