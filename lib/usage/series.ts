import type { UsageReport } from './usage-report';
import { daysBetween, eachDay } from './utc-days';

export interface PlanRef {
  id: string;
  name: string;
}

/** A report to chart: which plan it belongs to and, optionally, which of its keys count. */
export interface ReportInput {
  plan: PlanRef;
  report: UsageReport;
  /** Only these keys count (a customer's keys); every key in the report when absent. */
  keyIds?: readonly string[];
}

export interface DayPoint {
  /** A UTC day, `YYYY-MM-DD`. */
  date: string;
  byPlan: Record<string, number>;
  total: number;
}

export interface UsageSeries {
  start: string;
  end: string;
  plans: PlanRef[];
  points: DayPoint[];
  totals: { byPlan: Record<string, number>; total: number };
}

/**
 * Requests per UTC day from `start` to `end` (both included), per plan and in total. Days a
 * report does not cover count as zero; several keys of one plan (a rotated key and its
 * successor) add up; several plans (a tier move) each keep their own history, in input order.
 */
export function dailySeries(
  inputs: readonly ReportInput[],
  start: string,
  end: string,
): UsageSeries {
  const plans = uniquePlans(inputs);
  const points: DayPoint[] = eachDay(start, end).map((date) => ({
    date,
    byPlan: Object.fromEntries(plans.map((plan) => [plan.id, 0])),
    total: 0,
  }));
  for (const { plan, report, keyIds } of inputs) {
    const offset = daysBetween(report.startDate, start);
    for (const [keyId, days] of Object.entries(report.items)) {
      if (keyIds && !keyIds.includes(keyId)) continue;
      points.forEach((point, index) => {
        const used = days[index + offset]?.[0] ?? 0;
        point.byPlan[plan.id] = (point.byPlan[plan.id] ?? 0) + used;
        point.total += used;
      });
    }
  }
  const byPlan = Object.fromEntries(
    plans.map((plan) => [
      plan.id,
      points.reduce((sum, point) => sum + (point.byPlan[plan.id] ?? 0), 0),
    ]),
  );
  const total = points.reduce((sum, point) => sum + point.total, 0);
  return { start, end, plans, points, totals: { byPlan, total } };
}

function uniquePlans(inputs: readonly ReportInput[]): PlanRef[] {
  const seen = new Map<string, PlanRef>();
  for (const { plan } of inputs) if (!seen.has(plan.id)) seen.set(plan.id, plan);
  return [...seen.values()];
}
