import { describeQuota, describeThrottle } from '@/lib/gateway/plan-wording';
import type { CustomerPlanUsage } from '@/lib/usage/customer-usage';
import { formatUtc } from '@/lib/format/utc';
import { Card } from '../ui/card';

const numbers = new Intl.NumberFormat('en-US');

function barColour(percent: number): string {
  if (percent >= 100) return 'bg-rose-600 dark:bg-rose-400';
  if (percent >= 80) return 'bg-amber-500 dark:bg-amber-400';
  return 'bg-indigo-600 dark:bg-indigo-400';
}

/** One plan's limits in words and, for a current plan with a quota, this period's gauge. */
export function QuotaGaugeCard({ plan }: { plan: CustomerPlanUsage }) {
  const gauge = plan.gauge;
  const labelId = `quota-${plan.id}`;
  return (
    <Card as="li" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={labelId} className="font-semibold">
          {plan.name}
        </h3>
        {!plan.current && (
          <span className="text-xs text-slate-600 dark:text-slate-400">
            Earlier plan in this range
          </span>
        )}
      </div>
      {gauge ? (
        <>
          <div
            role="progressbar"
            aria-labelledby={labelId}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(gauge.percent)}
            aria-valuetext={`${Math.round(gauge.percent)}% of this period's quota used`}
            className="h-2.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
          >
            <div
              className={`h-full ${barColour(gauge.percent)}`}
              style={{ width: `${gauge.percent}%` }}
            />
          </div>
          <p className="text-sm">
            <strong>{numbers.format(gauge.used)}</strong> used,{' '}
            <strong>{numbers.format(gauge.remaining)}</strong> remaining since {gauge.periodStart}{' '}
            (UTC). Resets at {formatUtc(gauge.resetsAt)}.
          </p>
        </>
      ) : (
        plan.current && <p className="text-sm">No quota: only the rate limit applies.</p>
      )}
      <dl className="grid gap-1 text-sm text-slate-600 dark:text-slate-400">
        <div>
          <dt className="inline font-medium">Rate: </dt>
          <dd className="inline">{describeThrottle(plan.throttle)}</dd>
        </div>
        <div>
          <dt className="inline font-medium">Quota: </dt>
          <dd className="inline">{describeQuota(plan.quota)}</dd>
        </div>
      </dl>
    </Card>
  );
}
