import { ActionForm } from '@/components/portal/action-form';
import {
  closeAccountAction,
  enableAccountAction,
  moveTierAction,
  rotateCustomerKeyAction,
  setAdminRoleAction,
} from '@/lib/admin/actions/customers';
import type { CustomerDetail } from '@/lib/admin/customer-detail';
import { ReasonField } from './reason-field';

const select =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900';

/** Tier, key, role and account actions; destructive ones ask for confirmation first. */
export function CustomerAccountActions({
  detail,
  isSelf,
}: {
  detail: CustomerDetail;
  isSelf: boolean;
}) {
  const { sub, email, status } = detail.user;
  const hasActiveKey = detail.keys.some((key) => key.enabled && !key.worksUntil);
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <ActionForm
        action={moveTierAction}
        fields={{ sub }}
        label="Move to this plan"
        pendingLabel="Moving…"
      >
        <label className="block text-sm font-medium">
          Plan
          <select name="planId" required className={select}>
            {detail.plans.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.name}
                {plan.needsApproval ? ' (needs approval)' : ''}
              </option>
            ))}
          </select>
        </label>
      </ActionForm>
      {hasActiveKey && (
        <ActionForm
          action={rotateCustomerKeyAction}
          fields={{ sub }}
          label="Rotate key"
          pendingLabel="Rotating…"
          variant="secondary"
          confirm={`Rotate ${email}'s key? The old key stops working after the grace period.`}
        />
      )}
      {!isSelf &&
        (detail.isAdmin ? (
          <ActionForm
            action={setAdminRoleAction}
            fields={{ sub, makeAdmin: 'false' }}
            label="Remove admin rights"
            pendingLabel="Removing…"
            variant="danger"
            confirm={`Remove ${email}'s admin rights?`}
          />
        ) : (
          <ActionForm
            action={setAdminRoleAction}
            fields={{ sub, makeAdmin: 'true' }}
            label="Make admin"
            pendingLabel="Promoting…"
            variant="secondary"
            confirm={`Give ${email} full admin rights?`}
          />
        ))}
      {status === 'disabled' ? (
        <ActionForm
          action={enableAccountAction}
          fields={{ sub }}
          label="Enable account"
          pendingLabel="Enabling…"
        />
      ) : (
        !isSelf && (
          <ActionForm
            action={closeAccountAction}
            fields={{ sub, change: 'disable' }}
            label="Disable account"
            pendingLabel="Disabling…"
            variant="danger"
            confirm={`Disable ${email}'s account? Their keys are disabled and removed from every plan.`}
          >
            <ReasonField label="Reason (for the audit log)" />
          </ActionForm>
        )
      )}
      {!isSelf && (
        <ActionForm
          action={closeAccountAction}
          fields={{ sub, change: 'delete' }}
          label="Delete account"
          pendingLabel="Deleting…"
          variant="danger"
          confirm={`Delete ${email}'s account for good? Their keys are disabled and removed from every plan.`}
        >
          <ReasonField label="Reason (for the audit log)" />
        </ActionForm>
      )}
    </div>
  );
}
