import { z } from 'zod';
import { auditActionSchema, type AuditEntry } from '../store/audit';
import { utcDaySchema } from '../usage/utc-day-schema';
import { addDays, dayStartMs, utcDay } from '../usage/utc-days';

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const optionalText = z.preprocess(
  (value) => first(value) || undefined,
  z.string().trim().max(200).optional().catch(undefined),
);
const optionalDay = z.preprocess(
  (value) => first(value) || undefined,
  utcDaySchema.optional().catch(undefined),
);

/** The audit page's filters, from search params; anything malformed is ignored. */
export const auditFilterSchema = z.object({
  actor: optionalText,
  customer: optionalText,
  action: z.preprocess(
    (value) => first(value) || undefined,
    auditActionSchema.optional().catch(undefined),
  ),
  from: optionalDay,
  to: optionalDay,
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const defaultAuditDays = 30;

/** The instants the query covers: the chosen UTC days, by default the last 30. */
export function auditRange(filter: AuditFilter, now: number): { from: number; to: number } {
  const today = utcDay(now);
  const to = filter.to ?? today;
  const from = filter.from ?? addDays(to, -(defaultAuditDays - 1));
  const [start, end] = from <= to ? [from, to] : [to, from];
  return { from: dayStartMs(start), to: dayStartMs(end) + 86_400_000 - 1 };
}

/** Actor by email (part of it), customer by id or a detail mentioning them, action exactly. */
export function filterAudit(entries: AuditEntry[], filter: AuditFilter): AuditEntry[] {
  const actor = filter.actor?.toLowerCase();
  const customer = filter.customer?.toLowerCase();
  return entries.filter(
    (entry) =>
      (!actor || entry.actor.email.toLowerCase().includes(actor)) &&
      (!customer ||
        entry.customerSub.toLowerCase() === customer ||
        Object.values(entry.details).some((value) => value.toLowerCase() === customer)) &&
      (!filter.action || entry.action === filter.action),
  );
}
