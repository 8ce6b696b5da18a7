import type { Metadata } from 'next';
import { AdminUsageView } from '@/components/usage/admin-usage-view';
import { RangePicker } from '@/components/usage/range-picker';
import { RangeWarning, UsageLoadError } from '@/components/usage/usage-alerts';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/session';
import { offerUpgradeAction } from '@/lib/portal/offer-actions';
import { adminUsagePage } from '@/lib/usage/page-data';
import { SnapshotAge } from '@/components/usage/snapshot-age';
import { rangeQuery, type SearchParams } from '@/lib/usage/search-params';

export const metadata: Metadata = { title: 'Usage · Admin' };

export default async function AdminUsagePage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requireAdmin('/admin/usage');
  const { range, rangeError, usage, now, snapshotAt } = await adminUsagePage(await searchParams);
  const query = rangeQuery(range);
  return (
    <div className="space-y-8">
      <PageHeader
        title="Usage"
        description="Requests per plan and per customer, per UTC day, from API Gateway's usage records."
      />
      <RangePicker range={range} action="/admin/usage" />
      <RangeWarning error={rangeError} />
      <SnapshotAge snapshotAt={snapshotAt} now={now} />
      {usage ? (
        <AdminUsageView
          usage={usage}
          range={range}
          csvHref={(view) => `/admin/usage/csv?view=${view}&${query}`}
          customerHref={(id) => `/admin/usage/customers/${encodeURIComponent(id)}?${query}`}
          offer={offerUpgradeAction}
        />
      ) : (
        <UsageLoadError />
      )}
    </div>
  );
}
