import { PlanOfferButton } from '@/components/plans/plan-offer-button';
import { PlanCard } from '@/components/plans/plan-card';
import type { Plan } from '@/lib/gateway/plans-model';
import { planOfferFor, type Viewer } from '@/lib/portal/plan-offer';

/**
 * The plans with what each offers this viewer: subscribe, current, pending; sign in when
 * `viewer` is undefined (anonymous visitors, the page from cache).
 */
export function PlansView({ plans, viewer }: { plans: Plan[]; viewer?: Viewer }) {
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
