import type { Metadata } from 'next';
import { audienceViewer } from '@/lib/audiences/viewer';
import { PlanOfferButton } from '@/components/plans/plan-offer-button';
import { PlanCard } from '@/components/plans/plan-card';
import { getVisiblePlans } from '@/lib/gateway/plans';
import { planOfferFor } from '@/lib/portal/plan-offer';
import { planViewer } from '@/lib/portal/viewer';

// Plans come from API Gateway when a page is requested (cached in memory), never at build time.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Plans',
  description: 'Rate limits, quotas and the APIs each plan includes.',
};

export default async function PlansPage() {
  const [plans, viewer] = await Promise.all([audienceViewer().then(getVisiblePlans), planViewer()]);
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Plans</h1>
        <p className="text-slate-600 dark:text-slate-300">
          Each plan sets how fast and how much you can call its APIs. Subscribing gives you an API
          key.
        </p>
      </header>
      {plans.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 p-10 text-center dark:border-slate-700">
          <h2 className="font-semibold">No plans are offered yet</h2>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Check back soon.</p>
        </div>
      ) : (
        <ul className="grid gap-4 md:grid-cols-3">
          {plans.map((plan) => (
            <PlanCard
              key={plan.id}
              plan={plan}
              action={
                <PlanOfferButton
                  offer={planOfferFor(plan, viewer)}
                  planId={plan.id}
                  planName={plan.name}
                />
              }
            />
          ))}
        </ul>
      )}
    </div>
  );
}
