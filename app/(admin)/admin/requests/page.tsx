import type { Metadata } from 'next';
import { ActionForm } from '@/components/portal/action-form';
import { requireAdmin } from '@/lib/auth/session';
import { approveRequestAction, rejectRequestAction } from '@/lib/portal/actions';
import { pendingUpgradeRequests } from '@/lib/portal/admin-requests';
import { formatUtc } from '@/lib/format/utc';

export const metadata: Metadata = { title: 'Upgrade requests' };

export default async function UpgradeRequestsPage() {
  await requireAdmin('/admin/requests');
  const requests = await pendingUpgradeRequests();
  return (
    <div className="space-y-8">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold tracking-tight">Upgrade requests</h1>
        <p className="text-slate-600 dark:text-slate-300">
          Customers asking for plans that need approval. Approving moves their key at once.
        </p>
      </header>
      {requests.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 p-10 text-center dark:border-slate-700">
          <h2 className="font-semibold">No requests are waiting</h2>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            New requests appear here as customers make them.
          </p>
        </div>
      ) : (
        <ul className="space-y-4">
          {requests.map((request) => (
            <li
              key={request.id}
              data-testid="upgrade-request"
              className="grid gap-4 rounded-xl border border-slate-200 p-5 md:grid-cols-[1fr_auto_auto] dark:border-slate-800"
            >
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-slate-500 dark:text-slate-400">Customer</dt>
                <dd className="font-medium">{request.customerEmail}</dd>
                <dt className="text-slate-500 dark:text-slate-400">Current plan</dt>
                <dd>{request.currentPlans || 'None'}</dd>
                <dt className="text-slate-500 dark:text-slate-400">Requested</dt>
                <dd className="font-medium">{request.toPlanName}</dd>
                <dt className="text-slate-500 dark:text-slate-400">Asked</dt>
                <dd>{formatUtc(request.createdAt)}</dd>
                {request.account !== 'enabled' && (
                  <>
                    <dt className="text-slate-500 dark:text-slate-400">Account</dt>
                    <dd
                      data-testid="request-account-state"
                      className="font-medium text-red-700 dark:text-red-300"
                    >
                      {request.account === 'disabled'
                        ? 'Disabled by an administrator: approving is refused'
                        : 'Deleted: approving is refused'}
                    </dd>
                  </>
                )}
                {request.status === 'approving' && (
                  <>
                    <dt className="text-slate-500 dark:text-slate-400">Status</dt>
                    <dd>Being approved by {request.decidedBy}</dd>
                  </>
                )}
              </dl>
              <ActionForm
                action={approveRequestAction}
                fields={{ requestId: request.id, customerSub: request.customerSub }}
                label={`Approve ${request.toPlanName}`}
                pendingLabel="Approving…"
              />
              <ActionForm
                action={rejectRequestAction}
                fields={{ requestId: request.id, customerSub: request.customerSub }}
                label="Reject"
                pendingLabel="Rejecting…"
                variant="danger"
              >
                <label className="block text-sm">
                  <span className="font-medium">Reason (shown to the customer)</span>
                  <textarea
                    name="reason"
                    required
                    minLength={3}
                    maxLength={500}
                    rows={2}
                    className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
                  />
                </label>
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
