/** Client-safe and free of zod (the dashboard's key panel uses it); the schema is ./utc-day-schema. */
export const dayMs = 86_400_000;

/** `YYYY-MM-DD` of the UTC day containing `ms`. */
export function utcDay(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : '';
}

export function startOfUtcDay(ms: number): number {
  return ms - (((ms % dayMs) + dayMs) % dayMs);
}

/** Midnight UTC (ms) at the start of a `YYYY-MM-DD` day. */
export function dayStartMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

export function addDays(day: string, count: number): string {
  return utcDay(dayStartMs(day) + count * dayMs);
}

/** Whole days from `from` to `to`: 0 for the same day, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayStartMs(to) - dayStartMs(from)) / dayMs);
}

/** Every day from `start` to `end`, both included. */
export function eachDay(start: string, end: string): string[] {
  const days: string[] = [];
  for (let day = start; day <= end; day = addDays(day, 1)) days.push(day);
  return days;
}
