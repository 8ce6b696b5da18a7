import { csvDocument } from '../csv/writer';
import type { AuditEntry } from '../store/audit';

const header = ['time (UTC)', 'actor', 'action', 'subject', 'details'];

/** The audit log as CSV, one entry per line, details as `name=value` pairs. */
export function auditCsv(entries: AuditEntry[]): string {
  const rows = entries.map((entry) => [
    new Date(entry.at).toISOString(),
    entry.actor.email,
    entry.action,
    entry.customerSub,
    Object.entries(entry.details)
      .map(([name, value]) => `${name}=${value}`)
      .join('; '),
  ]);
  return csvDocument(header, rows);
}
