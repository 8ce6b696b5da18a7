import type { CustomerUsage } from '@/lib/usage/customer-usage';
import type { DateRange } from '@/lib/usage/date-range';
import { ButtonLink } from '../ui/button';
import { EmptyState } from '../ui/empty-state';
import { QuotaGaugeCard } from './quota-gauge-card';
import { UsageChart } from './usage-chart';
import { UsageTable } from './usage-table';

const numbers = new Intl.NumberFormat('en-US');

type Props = {
  usage: CustomerUsage;
  range: DateRange;
  csvHref: string;
  /** Where someone without a plan goes next; admins viewing a customer get no link. */
  subscribeHref?: string;
};

/** One customer's quota gauges, chart and daily table: shared by the customer and admin pages. */
export function CustomerUsageView({ usage, range, csvHref, subscribeHref }: Props) {
  if (!usage.hasKey || usage.plans.length === 0) {
    return (
      <EmptyState
        title="No usage yet"
        description="Usage appears here once there is an API key in a plan and calls are made with it."
        action={subscribeHref && <ButtonLink href={subscribeHref}>Choose a plan</ButtonLink>}
      />
    );
  }
  const rangeWords = `${range.start} to ${range.end} (UTC days)`;
  return (
    <div className="space-y-8">
      <section aria-labelledby="quota-heading" className="space-y-3">
        <h2 id="quota-heading" className="text-xl font-semibold">
          Quota this period
        </h2>
        <ul className="grid gap-4 md:grid-cols-2">
          {usage.plans.map((plan) => (
            <QuotaGaugeCard key={plan.id} plan={plan} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="daily-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="daily-heading" className="text-xl font-semibold">
            Requests per day
          </h2>
          <ButtonLink href={csvHref} variant="secondary" size="sm" prefetch={false} download>
            Download CSV
          </ButtonLink>
        </div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {numbers.format(usage.series.totals.total)} requests from {rangeWords}.
        </p>
        <UsageChart series={usage.series} title="Requests per day" />
        <UsageTable series={usage.series} caption={`Requests per day, ${rangeWords}`} />
      </section>
    </div>
  );
}
