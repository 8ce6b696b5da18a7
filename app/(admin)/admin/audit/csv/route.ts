import { auditCsv } from '@/lib/admin/audit-csv';
import { loadAuditView } from '@/lib/admin/audit-page';
import { requireAdmin } from '@/lib/auth/session';
import { csvResponse } from '@/lib/csv/response';
import { utcDay } from '@/lib/usage/utc-days';

/** The audit log with the page's filters as CSV, safe to open in a spreadsheet. */
export async function GET(request: Request) {
  await requireAdmin('/admin/audit');
  const url = new URL(request.url);
  const { entries, range } = await loadAuditView(Object.fromEntries(url.searchParams));
  if (!entries) {
    return Response.json(
      { title: 'The audit log could not be read. Try again in a moment.', status: 503 },
      { status: 503, headers: { 'Content-Type': 'application/problem+json' } },
    );
  }
  return csvResponse(
    auditCsv(entries),
    `audit-${utcDay(range.from)}-to-${utcDay(range.to)}-utc.csv`,
  );
}
