import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CustomerUsageView } from '@/components/usage/customer-usage-view';
import { RangePicker } from '@/components/usage/range-picker';
import { RangeWarning, UsageLoadError } from '@/components/usage/usage-alerts';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/session';
import { customerSubSchema } from '@/lib/usage/customer-param';
import { customerUsagePage } from '@/lib/usage/page-data';
import { rangeQuery, type SearchParams } from '@/lib/usage/search-params';

export const metadata: Metadata = { title: "Customer's usage · Admin" };

type Props = { params: Promise<{ sub: string }>; searchParams: Promise<SearchParams> };

export default async function AdminCustomerUsagePage({ params, searchParams }: Props) {
  const parsedSub = customerSubSchema.safeParse((await params).sub);
  const here = parsedSub.success ? `/admin/usage/customers/${parsedSub.data}` : '/admin/usage';
  await requireAdmin(here);
  if (!parsedSub.success) notFound();
  const sub = parsedSub.data;
  const { range, rangeError, usage } = await customerUsagePage(sub, await searchParams);
  const query = rangeQuery(range);
  return (
    <div className="space-y-8">
      <p className="text-sm">
        <Link
          href={`/admin/usage?${query}`}
          className="text-indigo-700 underline dark:text-indigo-300"
        >
          ← All usage
        </Link>
      </p>
      <PageHeader
        title="Customer's usage"
        description={<span className="break-all">Customer {sub}</span>}
      />
      <RangePicker range={range} action={here} />
      <RangeWarning error={rangeError} />
      {usage ? (
        <CustomerUsageView
          usage={usage}
          range={range}
          csvHref={`/admin/usage/csv?view=customer&customer=${encodeURIComponent(sub)}&${query}`}
        />
      ) : (
        <UsageLoadError />
      )}
    </div>
  );
}
