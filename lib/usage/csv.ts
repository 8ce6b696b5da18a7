import { csvDocument } from '../csv/writer';
import type { Consumer } from './consumers';
import type { PlanRef, UsageSeries } from './series';

/** A usage series as CSV: one row per UTC day, one column per plan, then the day's total. */
export function seriesCsv(series: UsageSeries): string {
  const header = [
    'date (UTC)',
    ...series.plans.map((plan) => `${plan.name} requests`),
    'total requests',
  ];
  const rows = series.points.map((point) => [
    point.date,
    ...series.plans.map((plan) => point.byPlan[plan.id] ?? 0),
    point.total,
  ]);
  return csvDocument(header, rows);
}

/** Every consumer in a range: one row each, requests per plan and in total, busiest first. */
export function consumersCsv(
  consumers: readonly Consumer[],
  plans: readonly PlanRef[],
  range: { start: string; end: string },
): string {
  const header = [
    'from (UTC)',
    'to (UTC)',
    'customer id',
    'kind',
    ...plans.map((plan) => `${plan.name} requests`),
    'total requests',
  ];
  const rows = consumers.map((consumer) => [
    range.start,
    range.end,
    consumer.id,
    consumer.isCustomer ? 'customer' : 'key without customer',
    ...plans.map((plan) => consumer.byPlan[plan.id] ?? 0),
    consumer.total,
  ]);
  return csvDocument(header, rows);
}
