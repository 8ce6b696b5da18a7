import type { Consumer } from './consumers';
import type { PlanRef, UsageSeries } from './series';

/** One field as RFC 4180 wants it: quoted when it holds a comma, quote, CR or LF. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180: CRLF between records and after the last one; a header record first. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

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
  return toCsv(header, rows);
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
  return toCsv(header, rows);
}
