import { ActionForm } from '@/components/portal/action-form';
import { removeFromPlanAction, setKeyEnabledAction } from '@/lib/admin/actions/customers';
import type { CustomerKeyView } from '@/lib/admin/customer-detail';
import { ReasonField } from './reason-field';
import { formatUtc } from '@/lib/format/utc';

/** The customer's keys (never their values), each with its plans and the admin's key actions. */
export function CustomerKeys({ sub, keys }: { sub: string; keys: CustomerKeyView[] }) {
  if (keys.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">No API key yet.</p>;
  }
  return (
    <ul className="space-y-4">
      {keys.map((key) => (
        <li
          key={key.id}
          data-testid="customer-key"
          className="space-y-3 rounded-xl border border-slate-200 p-4 dark:border-slate-800"
        >
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500 dark:text-slate-400">Key id</dt>
            <dd className="font-mono">{key.id}</dd>
            <dt className="text-slate-500 dark:text-slate-400">State</dt>
            <dd>
              {key.enabled ? 'Enabled' : 'Disabled'}
              {key.worksUntil && ` (rotated out, works until ${formatUtc(key.worksUntil)})`}
            </dd>
            {key.disabledReason && (
              <>
                <dt className="text-slate-500 dark:text-slate-400">Reason</dt>
                <dd>{key.disabledReason}</dd>
              </>
            )}
            <dt className="text-slate-500 dark:text-slate-400">Created</dt>
            <dd>{key.createdAt ? formatUtc(key.createdAt) : '—'}</dd>
            <dt className="text-slate-500 dark:text-slate-400">Plans</dt>
            <dd>{key.plans.map((plan) => plan.name).join(', ') || 'None'}</dd>
          </dl>
          <div className="grid gap-4 md:grid-cols-2">
            <ActionForm
              action={setKeyEnabledAction}
              fields={{ sub, keyId: key.id, enabled: String(!key.enabled) }}
              label={key.enabled ? 'Disable key' : 'Enable key'}
              pendingLabel={key.enabled ? 'Disabling…' : 'Enabling…'}
              variant={key.enabled ? 'danger' : 'primary'}
              confirm={key.enabled ? 'Disable this key? Its calls get 403 at once.' : undefined}
            >
              <ReasonField />
            </ActionForm>
            <div className="space-y-2">
              {key.plans.map((plan) => (
                <ActionForm
                  key={plan.id}
                  action={removeFromPlanAction}
                  fields={{ sub, planId: plan.id }}
                  label={`Remove from ${plan.name}`}
                  pendingLabel="Removing…"
                  variant="secondary"
                  confirm={`Remove this customer from ${plan.name}? Their calls under it get 403.`}
                />
              ))}
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
