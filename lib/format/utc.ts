/**
 * The one way the portal writes an instant for people: `2026-12-02 06:27 UTC`. Quotas,
 * grace periods and the audit log all run on UTC, so the page never shows a local time that
 * would disagree with them (and server and browser render the same text).
 */
export function formatUtc(instant: number | string | Date): string {
  return `${new Date(instant).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
