import type { EmulatorContext } from '../context';
import type { UsagePlan } from '../model/types';
import type { UsageCell } from '../store/journal';
import { dayMs, nextPeriodStart, periodStart, startOfUtcDay, utcDay } from './quota-window';

interface PeriodCount {
  periodStart: number;
  periodEnd: number;
  used: number;
}

export type MeterVerdict = 'accepted' | 'limit-exceeded';

/**
 * Counts accepted requests per plan, key and UTC day, and enforces the plan's quota. The
 * check and the increment happen in one synchronous step, so concurrent requests can never
 * overshoot a quota: N parallel requests against a quota of Q accept exactly min(N, Q).
 * Its caches are nested maps by plan id then key id: ids stored in records are hashed once,
 * where a string joined per request would be hashed per request.
 */
export class Meter {
  private counts = new Map<string, Map<string, PeriodCount>>();
  private countsVersion = -1;
  /** Each key's counter of the current day, the same object all day, for `ctx.metered`. */
  private cells = new Map<string, Map<string, UsageCell>>();
  // The day's name is needed on every request; working it out once a day keeps the hot path lean.
  private day = { start: -1, end: -1, name: '' };

  constructor(private readonly ctx: EmulatorContext) {}

  tryAccept(plan: UsagePlan, keyId: string, now = this.ctx.clock.now()): MeterVerdict {
    if (plan.quota) {
      const count = this.periodCount(plan, keyId, now);
      if (count.used >= quotaLimit(this.ctx, plan, keyId, count.periodStart))
        return 'limit-exceeded';
      count.used += 1;
    }
    const day = this.dayName(now);
    const byKey = (this.ctx.state.usage[plan.id] ??= {});
    const byDay = (byKey[keyId] ??= {});
    byDay[day] = (byDay[day] ?? 0) + 1;
    this.ctx.metered(this.cell(plan.id, keyId, day));
    return 'accepted';
  }

  private cell(planId: string, keyId: string, day: string): UsageCell {
    let byKey = this.cells.get(planId);
    if (!byKey) this.cells.set(planId, (byKey = new Map()));
    let cell = byKey.get(keyId);
    if (cell?.day !== day) byKey.set(keyId, (cell = { planId, keyId, day }));
    return cell;
  }

  private dayName(now: number): string {
    if (now < this.day.start || now >= this.day.end) {
      const start = startOfUtcDay(now);
      this.day = { start, end: start + dayMs, name: utcDay(start) };
    }
    return this.day.name;
  }

  private periodCount(plan: UsagePlan, keyId: string, now: number): PeriodCount {
    if (this.countsVersion !== this.ctx.version) {
      this.counts.clear();
      this.countsVersion = this.ctx.version;
    }
    let byKey = this.counts.get(plan.id);
    if (!byKey) this.counts.set(plan.id, (byKey = new Map()));
    let count = byKey.get(keyId);
    if (!count || now < count.periodStart || now >= count.periodEnd) {
      const quota = plan.quota!;
      const start = periodStart(quota, now);
      count = {
        periodStart: start,
        periodEnd: nextPeriodStart(quota, now),
        used: usedBetween(this.ctx, plan.id, keyId, start, now),
      };
      byKey.set(keyId, count);
    }
    return count;
  }
}

/** The quota for this key in the period starting at `start`, after any UpdateUsage grant. */
export function quotaLimit(
  ctx: EmulatorContext,
  plan: UsagePlan,
  keyId: string,
  start: number,
): number {
  const adjustment = ctx.state.quotaAdjustments[plan.id]?.[keyId];
  const extra = adjustment?.periodStart === start ? adjustment.extraRemaining : 0;
  return (plan.quota?.limit ?? 0) + extra;
}

/** Requests accepted for a key in a plan from the UTC day of `from` to that of `to`, inclusive. */
export function usedBetween(
  ctx: EmulatorContext,
  planId: string,
  keyId: string,
  from: number,
  to: number,
): number {
  const byDay = ctx.state.usage[planId]?.[keyId];
  if (!byDay) return 0;
  let used = 0;
  for (let day = from; day <= to; day += dayMs) used += byDay[utcDay(day)] ?? 0;
  return used;
}
