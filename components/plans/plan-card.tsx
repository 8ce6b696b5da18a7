import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Plan } from '@/lib/gateway/plans-model';
import { describeQuota, describeThrottle } from '@/lib/gateway/plan-wording';

/** One plan tier; `action` is what the viewer can do about it (subscribe, sign in, …). */
export function PlanCard({ plan, action }: { plan: Plan; action: ReactNode }) {
  return (
    <li className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="space-y-1">
        <h2 className="text-xl font-semibold">{plan.name}</h2>
        {plan.description && (
          <p className="text-sm text-slate-600 dark:text-slate-300">{plan.description}</p>
        )}
      </div>
      <dl className="space-y-3 text-sm">
        <div>
          <dt className="font-medium text-slate-500 dark:text-slate-400">Rate</dt>
          <dd>{describeThrottle(plan.throttle)}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-500 dark:text-slate-400">Quota</dt>
          <dd>{describeQuota(plan.quota)}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-500 dark:text-slate-400">APIs</dt>
          <dd>
            {plan.apis.length === 0
              ? 'None published yet'
              : plan.apis.map((api, index) => (
                  <span key={api.slug}>
                    {index > 0 && ', '}
                    <Link href={`/apis/${api.slug}`} className="underline">
                      {api.name}
                    </Link>
                  </span>
                ))}
          </dd>
        </div>
      </dl>
      {plan.metadata.approval === 'manual' && (
        <p className="text-sm text-amber-800 dark:text-amber-300">
          An admin approves each subscription to this plan.
        </p>
      )}
      <div className="mt-auto">{action}</div>
    </li>
  );
}
