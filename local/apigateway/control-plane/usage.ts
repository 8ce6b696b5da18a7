import type { EmulatorContext } from '../context';
import { badRequest, notFound } from '../errors';
import type { UsagePlan } from '../model/types';
import { quotaLimit, usedBetween } from '../usage/meter';
import { dayMs, periodStart, startOfUtcDay, utcDay } from '../usage/quota-window';
import { findApiKey, findUsagePlan } from './lookup';
import { paginate } from './paging';
import { patchOperationsOf, unsupportedPatch, valueOf } from './patch';
import { jsonBody, ok, param, type ControlHandler } from './request';
import { planIdsOfKey } from './usage-plans';
import { nonNegativeNumber } from './validate';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function dateParameter(query: URLSearchParams, name: 'startDate' | 'endDate'): number {
  const value = query.get(name);
  if (!value) throw badRequest(`${name} is required`);
  const ms = Date.parse(`${value}T00:00:00Z`);
  if (!isoDate.test(value) || Number.isNaN(ms)) {
    throw badRequest(`Invalid ${name}: expected a date as YYYY-MM-DD`);
  }
  return ms;
}

/**
 * GetUsage: per key, one `[used, remaining]` pair per UTC day from startDate to endDate.
 * `remaining` is what was left of the quota at the end of that day (0 for a plan without a
 * quota). Keys are the plan's current keys plus any key with usage in the plan in the range,
 * so history survives a move to another plan. Pages are over keys.
 */
export const getUsage: ControlHandler = (request) => {
  const { ctx, query } = request;
  const plan = findUsagePlan(ctx, param(request, 'usagePlanId'));
  const start = dateParameter(query, 'startDate');
  const end = dateParameter(query, 'endDate');
  if (end < start) throw badRequest('The end date must not be before the start date');
  if ((end - start) / dayMs > 366) throw badRequest('The date range must not exceed 366 days');
  const keyId = query.get('keyId');
  const keyIds = keyId
    ? ctx.state.apiKeys[keyId]
      ? [keyId]
      : []
    : keysWithUsage(ctx, plan, start, end);
  const page = paginate(keyIds, query);
  const days = reportDays(plan, start, end);
  const values = Object.fromEntries(
    page.items.map((id) => [id, dailyUsage(ctx, plan, id, days, start)]),
  );
  return ok({
    usagePlanId: plan.id,
    startDate: utcDay(start),
    endDate: utcDay(end),
    values,
    ...(page.position ? { position: page.position } : {}),
  });
};

/** UpdateUsage: `replace /remaining` sets what is left of the current period's quota. */
export const updateUsage: ControlHandler = (request) => {
  const { ctx } = request;
  const plan = findUsagePlan(ctx, param(request, 'usagePlanId'));
  const key = findApiKey(ctx, param(request, 'keyId'));
  if (!planIdsOfKey(ctx, key.id).has(plan.id)) {
    throw notFound('Invalid Usage Plan Key identifier specified');
  }
  if (!plan.quota) throw badRequest(`Usage plan ${plan.id} has no quota to extend`);
  const now = ctx.clock.now();
  const start = periodStart(plan.quota, now);
  for (const operation of patchOperationsOf(jsonBody(request))) {
    if (operation.op !== 'replace' || operation.path !== '/remaining') unsupportedPatch(operation);
    const remaining = Math.floor(nonNegativeNumber(valueOf(operation), 'remaining'));
    const used = usedBetween(ctx, plan.id, key.id, start, now);
    const byKey = (ctx.state.quotaAdjustments[plan.id] ??= {});
    byKey[key.id] = { periodStart: start, extraRemaining: remaining + used - plan.quota.limit };
  }
  ctx.changed({ quotaAdjustments: [plan.id] });
  const today = startOfUtcDay(now);
  return ok({
    usagePlanId: plan.id,
    startDate: utcDay(today),
    endDate: utcDay(today),
    values: { [key.id]: dailyUsage(ctx, plan, key.id, reportDays(plan, today, today), today) },
  });
};

function keysWithUsage(
  ctx: EmulatorContext,
  plan: UsagePlan,
  start: number,
  end: number,
): string[] {
  const ids = new Set(
    ctx.state.usagePlanKeys
      .filter((entry) => entry.usagePlanId === plan.id)
      .map((entry) => entry.keyId),
  );
  const [first, last] = [utcDay(start), utcDay(end)];
  for (const [keyId, byDay] of Object.entries(ctx.state.usage[plan.id] ?? {})) {
    if (ids.has(keyId) || !ctx.state.apiKeys[keyId]) continue;
    if (Object.keys(byDay).some((day) => day >= first && day <= last)) ids.add(keyId);
  }
  return [...ids].sort();
}

interface ReportDay {
  ms: number;
  name: string;
  periodStart: number;
}

/**
 * The days a report walks: from the start of the quota period containing `start` (to know
 * what was already used in it) to `end`. Worked out once per call, shared by every key.
 */
function reportDays(plan: UsagePlan, start: number, end: number): ReportDay[] {
  const first = plan.quota ? periodStart(plan.quota, start) : start;
  const days: ReportDay[] = [];
  for (let ms = first; ms <= end; ms += dayMs) {
    days.push({
      ms,
      name: utcDay(ms),
      periodStart: plan.quota ? periodStart(plan.quota, ms) : first,
    });
  }
  return days;
}

function dailyUsage(
  ctx: EmulatorContext,
  plan: UsagePlan,
  keyId: string,
  days: ReportDay[],
  start: number,
): [number, number][] {
  const byDay = ctx.state.usage[plan.id]?.[keyId] ?? {};
  const result: [number, number][] = [];
  let period = -1;
  let usedInPeriod = 0;
  for (const day of days) {
    if (day.periodStart !== period) {
      period = day.periodStart;
      usedInPeriod = 0;
    }
    const used = byDay[day.name] ?? 0;
    usedInPeriod += used;
    if (day.ms < start) continue;
    const remaining = plan.quota ? quotaLimit(ctx, plan, keyId, period) - usedInPeriod : 0;
    result.push([used, Math.max(0, remaining)]);
  }
  return result;
}
