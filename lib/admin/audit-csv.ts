import type { AuditEntry } from '../store/audit';

/**
 * A cell a spreadsheet will not run: values starting with = + - @ (or a tab or carriage return,
 * which some spreadsheets skip before reading a formula) get a leading apostrophe, as OWASP
 * advises against CSV injection; then RFC 4180 quoting.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const header = ['time (UTC)', 'actor', 'action', 'subject', 'details'];

/** The audit log as CSV, one entry per line, details as `name=value` pairs. */
export function auditCsv(entries: AuditEntry[]): string {
  const lines = entries.map((entry) =>
    [
      new Date(entry.at).toISOString(),
      entry.actor.email,
      entry.action,
      entry.customerSub,
      Object.entries(entry.details)
        .map(([name, value]) => `${name}=${value}`)
        .join('; '),
    ]
      .map(csvCell)
      .join(','),
  );
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
