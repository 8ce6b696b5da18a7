import { describe, expect, it } from 'vitest';
import { CallBudget, type BudgetClock } from './call-budget';

/** A clock that only moves when a caller sleeps. */
function fakeClock(): BudgetClock & { at: number } {
  const clock = {
    at: 0,
    now: () => clock.at,
    async sleep(ms: number) {
      clock.at += ms;
    },
  };
  return clock;
}

async function takeMany(budget: CallBudget, clock: { at: number }, count: number) {
  const times: number[] = [];
  for (let index = 0; index < count; index += 1) {
    await budget.take();
    times.push(clock.at);
  }
  return times;
}

describe('CallBudget', () => {
  it('lets a burst through at once, then one call per 1/rate seconds', async () => {
    const clock = fakeClock();
    const budget = new CallBudget(5, 10, clock);
    const times = await takeMany(budget, clock, 15);
    expect(times.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(times.slice(10)).toEqual([200, 400, 600, 800, 1000]);
    expect(budget.stats).toEqual({ calls: 15, throttled: 0, waitedMs: 5 * 200 });
  });

  it('never averages more than its rate over a long run', async () => {
    const clock = fakeClock();
    const budget = new CallBudget(5, 10, clock);
    const times = await takeMany(budget, clock, 110);
    // 10 from the burst, then 100 at 5/s: 20 seconds.
    expect(times.at(-1)).toBe(20_000);
  });

  it('serves concurrent callers in arrival order', async () => {
    const clock = fakeClock();
    const budget = new CallBudget(1, 1, clock);
    const order: number[] = [];
    await Promise.all([0, 1, 2].map((index) => budget.take().then(() => order.push(index))));
    expect(order).toEqual([0, 1, 2]);
    expect(clock.at).toBe(2000);
  });

  it('pauses everyone after a TooManyRequests, doubling while throttles continue', async () => {
    const clock = fakeClock();
    const budget = new CallBudget(100, 100, clock);
    await budget.take();
    budget.throttled();
    await budget.take();
    expect(clock.at).toBe(500);
    budget.throttled();
    await budget.take();
    expect(clock.at).toBe(1500);
    budget.succeeded();
    budget.throttled();
    await budget.take();
    expect(clock.at).toBe(2000);
    expect(budget.stats.throttled).toBe(3);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => new CallBudget(0)).toThrow(RangeError);
  });
});
