import type { ActionResult } from '@/lib/server-action/result';
import type { AdminUsage } from '@/lib/usage/admin-usage';
import type { DateRange } from '@/lib/usage/date-range';
import { ButtonLink } from '../ui/button';
import { EmptyState } from '../ui/empty-state';
import { ConsumersTable } from './consumers-table';
import { NearQuotaTable } from './near-quota-table';
import { UsageChart } from './usage-chart';
import { UsageTable } from './usage-table';

const numbers = new Intl.NumberFormat('en-US');
/** How many consumers the page lists; the CSV has them all. */
export const topConsumerCount = 10;

type Props = {
  usage: AdminUsage;
  range: DateRange;
  csvHref: (view: 'daily' | 'consumers') => string;
  customerHref: (id: string) => string;
  /** "Offer upgrade" for a customer near their quota. */
  offer: (state: ActionResult, form: FormData) => Promise<ActionResult>;
};

export function AdminUsageView({ usage, range, csvHref, customerHref, offer }: Props) {
  const rangeWords = `${range.start} to ${range.end} (UTC days)`;
  const active = usage.consumers.filter((consumer) => consumer.total > 0);
  return (
    <div className="space-y-10">
      <section aria-labelledby="plans-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="plans-heading" className="text-xl font-semibold">
            Requests per plan
          </h2>
          <ButtonLink
            href={csvHref('daily')}
            variant="secondary"
            size="sm"
            prefetch={false}
            download
          >
            Download daily CSV
          </ButtonLink>
        </div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {numbers.format(usage.series.totals.total)} requests from {rangeWords}.
        </p>
        {usage.series.plans.length === 0 ? (
          <EmptyState
            title="No usage plans"
            description="Create a usage plan to see its usage here."
          />
        ) : (
          <>
            <UsageChart series={usage.series} title="Requests per day by plan" />
            <UsageTable series={usage.series} caption={`Requests per day by plan, ${rangeWords}`} />
          </>
        )}
      </section>
      <section aria-labelledby="near-heading" className="space-y-3">
        <h2 id="near-heading" className="text-xl font-semibold">
          Above 80% of their quota
        </h2>
        {usage.nearQuota.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            No customer has used 80% of this period&apos;s quota.
          </p>
        ) : (
          <NearQuotaTable
            entries={usage.nearQuota}
            customerHref={customerHref}
            plans={usage.series.plans}
            offer={offer}
          />
        )}
      </section>
      <section aria-labelledby="top-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="top-heading" className="text-xl font-semibold">
            Top consumers
          </h2>
          <ButtonLink
            href={csvHref('consumers')}
            variant="secondary"
            size="sm"
            prefetch={false}
            download
          >
            Download all consumers (CSV)
          </ButtonLink>
        </div>
        {active.length === 0 ? (
          <EmptyState
            title="No requests in this range"
            description="Choose a longer range or check back later."
          />
        ) : (
          <ConsumersTable
            consumers={active.slice(0, topConsumerCount)}
            plans={usage.series.plans}
            customerHref={customerHref}
          />
        )}
      </section>
    </div>
  );
}
