import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/portal/action-form';
import { KeyPanel } from '@/components/portal/key-panel';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { requireUser } from '@/lib/auth/session';
import { describeQuota, describeThrottle } from '@/lib/gateway/plan-wording';
import {
  cancelRequestAction,
  revealKeyAction,
  rotateKeyAction,
  unsubscribeAction,
} from '@/lib/portal/actions';
import { acceptOfferAction, declineOfferAction } from '@/lib/portal/offer-actions';
import { loadDashboard } from '@/lib/portal/dashboard';
import { formatUtc } from '@/lib/format/utc';

export const metadata: Metadata = { title: 'Dashboard' };

const statusWords = {
  pending: 'Waiting for an administrator',
  offered: 'Offered to you',
  approving: 'Being approved',
  approved: 'Approved',
  accepted: 'Accepted',
  rejected: 'Not approved',
  declined: 'Declined',
  cancelled: 'Withdrawn',
} as const;

export default async function DashboardPage() {
  const user = await requireUser('/dashboard');
  const { key, plans, disabledReason, requests, notifications, firstCall } =
    await loadDashboard(user);

  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-3xl font-bold tracking-tight">Dashboard</h1>
          <p className="text-slate-600 dark:text-slate-300">Signed in as {user.email}</p>
        </div>
        <ButtonLink href="/dashboard/usage" variant="secondary">
          Usage and quota
        </ButtonLink>
      </header>

      {notifications.length > 0 && (
        <section aria-label="Notifications" className="space-y-2">
          {notifications.map((note) => (
            <Alert key={note.id} tone={note.tone}>
              {note.message} <span className="text-xs opacity-75">({formatUtc(note.at)})</span>
            </Alert>
          ))}
        </section>
      )}

      {key ? (
        <KeyPanel
          keyId={key.id}
          createdAt={key.createdAt}
          ageDays={key.ageDays}
          needsRotation={key.needsRotation}
          firstCall={firstCall}
          reveal={revealKeyAction}
          rotate={rotateKeyAction}
        />
      ) : disabledReason ? (
        <Alert tone="warning" title="Your API key was disabled by an administrator">
          Reason: {disabledReason}. Calls with it get 403 Forbidden. Contact the API team to have it
          enabled again.
        </Alert>
      ) : (
        <section className="rounded-xl border border-dashed border-slate-300 p-10 text-center dark:border-slate-700">
          <h2 className="text-lg font-semibold">You have no API key yet</h2>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            Subscribe to a plan and your key is created at once.
          </p>
          <ButtonLink href="/plans" className="mt-4">
            Choose a plan
          </ButtonLink>
        </section>
      )}

      <section aria-labelledby="plans-heading" className="space-y-3">
        <h2 id="plans-heading" className="text-lg font-semibold">
          Your plans
        </h2>
        {plans.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            None yet.{' '}
            <Link href="/plans" className="underline">
              See the plans
            </Link>
            .
          </p>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {plans.map((plan) => (
              <li
                key={plan.id}
                data-testid="subscribed-plan"
                className="space-y-2 rounded-xl border border-slate-200 p-5 dark:border-slate-800"
              >
                <h3 className="font-semibold">{plan.name}</h3>
                <p className="text-sm">{describeThrottle(plan.throttle)}</p>
                <p className="text-sm">{describeQuota(plan.quota)}</p>
                <ActionForm
                  action={unsubscribeAction}
                  fields={{ planId: plan.id }}
                  label="Unsubscribe"
                  pendingLabel="Unsubscribing…"
                  variant="ghost"
                  confirm={`Unsubscribe from ${plan.name}? Calls covered by this plan will get 403 Forbidden.`}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="requests-heading" className="space-y-3">
        <h2 id="requests-heading" className="text-lg font-semibold">
          Upgrade requests
        </h2>
        {requests.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            You have not asked for an upgrade. Plans that need approval have a “Request upgrade”
            button on the plans page.
          </p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {requests.map((request) => (
              <li key={request.id} className="flex flex-wrap items-start justify-between gap-3 p-4">
                <div className="text-sm">
                  <p className="font-medium">
                    {request.toPlanName}: {statusWords[request.status]}
                  </p>
                  <p className="text-slate-600 dark:text-slate-400">
                    {request.offeredBy ? 'Offered' : 'Asked'} {formatUtc(request.createdAt)}
                    {request.reason && ` · Reason: ${request.reason}`}
                  </p>
                </div>
                {request.status === 'offered' && (
                  <div className="flex flex-wrap gap-2" data-testid="upgrade-offer">
                    <ActionForm
                      action={acceptOfferAction}
                      fields={{ requestId: request.id }}
                      label={`Accept ${request.toPlanName}`}
                      pendingLabel="Moving you…"
                    />
                    <ActionForm
                      action={declineOfferAction}
                      fields={{ requestId: request.id }}
                      label="Decline"
                      pendingLabel="Declining…"
                      variant="secondary"
                    />
                  </div>
                )}
                {request.status === 'pending' && (
                  <ActionForm
                    action={cancelRequestAction}
                    fields={{ requestId: request.id }}
                    label="Withdraw"
                    pendingLabel="Withdrawing…"
                    variant="secondary"
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
