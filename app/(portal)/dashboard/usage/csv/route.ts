import { requireUser } from '@/lib/auth/session';
import { portalDeps } from '@/lib/portal/server-deps';
import { seriesCsv } from '@/lib/usage/csv';
import { customerUsage } from '@/lib/usage/customer-usage';
import { parseDateRange } from '@/lib/usage/date-range';
import { searchParamsOf } from '@/lib/usage/search-params';
import { csvResponse, problemResponse } from '@/lib/csv/response';

/** The customer's daily usage as shown on /dashboard/usage, as CSV. */
export async function GET(request: Request) {
  const user = await requireUser('/dashboard/usage');
  const now = Date.now();
  const parsed = parseDateRange(searchParamsOf(new URL(request.url)), now);
  if (!parsed.ok) return problemResponse(parsed.error);
  const usage = await customerUsage(portalDeps(), user.sub, parsed.range, now);
  return csvResponse(
    seriesCsv(usage.series),
    `usage-${parsed.range.start}-to-${parsed.range.end}-utc.csv`,
  );
}
