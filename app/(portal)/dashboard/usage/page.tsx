import type { Metadata } from 'next';
import { ActionForm } from '@/components/portal/action-form';
import { CustomerUsageView } from '@/components/usage/customer-usage-view';
import { RangePicker } from '@/components/usage/range-picker';
import { SnapshotAge } from '@/components/usage/snapshot-age';
import { UsageLoadError, RangeWarning } from '@/components/usage/usage-alerts';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { refreshUsageAction } from '@/lib/usage/actions/refresh';
import { customerUsagePage } from '@/lib/usage/page-data';
import { rangeQuery, type SearchParams } from '@/lib/usage/search-params';

export const metadata: Metadata = { title: 'Usage' };

export default async function UsagePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser('/dashboard/usage');
  const { range, rangeError, usage, now, snapshotAt } = await customerUsagePage(
    user.sub,
    await searchParams,
  );
  return (
    <div className="space-y-8">
      <PageHeader
        title="Usage"
        description="Requests made with your API keys, per UTC day, and what is left of each plan's quota."
      />
      <RangePicker range={range} action="/dashboard/usage" />
      <RangeWarning error={rangeError} />
      <div className="flex flex-wrap items-start gap-4">
        <SnapshotAge snapshotAt={snapshotAt} now={now} />
        <ActionForm
          action={refreshUsageAction}
          fields={{}}
          label="Refresh now"
          pendingLabel="Refreshing…"
          variant="secondary"
        />
      </div>
      {usage ? (
        <CustomerUsageView
          usage={usage}
          range={range}
          csvHref={`/dashboard/usage/csv?${rangeQuery(range)}`}
          subscribeHref="/plans"
        />
      ) : (
        <UsageLoadError />
      )}
    </div>
  );
}
