import { z } from 'zod';
import { requireAdmin } from '@/lib/auth/session';
import { portalDeps } from '@/lib/portal/server-deps';
import { adminUsage } from '@/lib/usage/admin-usage';
import { consumersCsv, seriesCsv } from '@/lib/usage/csv';
import { csvResponse, problemResponse as problem } from '@/lib/csv/response';
import { customerSubSchema } from '@/lib/usage/customer-param';
import { customerUsage } from '@/lib/usage/customer-usage';
import { parseDateRange } from '@/lib/usage/date-range';
import { searchParamsOf } from '@/lib/usage/search-params';

const querySchema = z.discriminatedUnion('view', [
  z.object({ view: z.literal('daily') }),
  z.object({ view: z.literal('consumers') }),
  z.object({ view: z.literal('customer'), customer: customerSubSchema }),
]);

/** The admin usage page's data as CSV: daily per plan, every consumer, or one customer. */
export async function GET(request: Request) {
  await requireAdmin('/admin/usage');
  const url = new URL(request.url);
  const query = querySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success)
    return problem('Choose view=daily, view=consumers or view=customer&customer=…');
  const now = Date.now();
  const parsed = parseDateRange(searchParamsOf(url), now);
  if (!parsed.ok) return problem(parsed.error);
  const { range } = parsed;
  const name = (what: string) => `usage-${what}-${range.start}-to-${range.end}-utc.csv`;
  if (query.data.view === 'customer') {
    const usage = await customerUsage(portalDeps(), query.data.customer, range, now);
    return csvResponse(seriesCsv(usage.series), name(query.data.customer));
  }
  const usage = await adminUsage(portalDeps(), range, now);
  return query.data.view === 'daily'
    ? csvResponse(seriesCsv(usage.series), name('daily'))
    : csvResponse(consumersCsv(usage.consumers, usage.series.plans, range), name('consumers'));
}
