import Link from 'next/link';
import { ActionForm } from '@/components/portal/action-form';
import { ButtonLink } from '@/components/ui/button';
import { requestUpgradeAction, subscribeAction } from '@/lib/portal/actions';
import type { PlanOffer } from '@/lib/portal/plan-offer';

const badge = 'inline-flex rounded-md px-3 py-1.5 text-sm font-semibold ring-1 ring-inset';

/** The control for one plan card, chosen by `planOfferFor`. */
export function PlanOfferButton({
  offer,
  planId,
  planName,
}: {
  offer: PlanOffer;
  planId: string;
  planName: string;
}) {
  switch (offer) {
    case 'sign-in':
      return (
        <ButtonLink
          href={`/sign-in?callbackUrl=${encodeURIComponent('/plans')}`}
          variant="secondary"
        >
          Sign in to subscribe
        </ButtonLink>
      );
    case 'current':
      return (
        <div className="flex flex-wrap items-center gap-3">
          <span
            className={`${badge} bg-emerald-50 text-emerald-800 ring-emerald-300 dark:bg-emerald-950/40 dark:text-emerald-200 dark:ring-emerald-800`}
          >
            Current plan
          </span>
          <Link href="/dashboard" className="text-sm underline">
            Your key is on your dashboard
          </Link>
        </div>
      );
    case 'pending':
      return (
        <span
          className={`${badge} bg-amber-50 text-amber-900 ring-amber-300 dark:bg-amber-950/40 dark:text-amber-200 dark:ring-amber-700`}
        >
          Pending approval
        </span>
      );
    case 'request-upgrade':
      return (
        <ActionForm
          action={requestUpgradeAction}
          fields={{ planId }}
          label="Request upgrade"
          pendingLabel="Sending request…"
          variant="secondary"
        />
      );
    case 'subscribe':
      return (
        <ActionForm
          action={subscribeAction}
          fields={{ planId }}
          label={`Subscribe to ${planName}`}
          pendingLabel="Subscribing…"
        />
      );
  }
}
