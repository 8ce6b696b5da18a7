import { ActionForm } from '@/components/portal/action-form';
import { inviteAction } from '@/lib/admin/actions/customers';

/** Invite someone by email; Cognito sends the temporary password. */
export function InviteForm() {
  return (
    <details className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
      <summary className="cursor-pointer text-sm font-medium">Invite someone</summary>
      <div className="mt-3 max-w-md">
        <ActionForm
          action={inviteAction}
          fields={{}}
          label="Send invitation"
          pendingLabel="Inviting…"
        >
          <label className="block text-sm font-medium">
            Email
            <input
              type="email"
              name="email"
              required
              maxLength={254}
              className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
            />
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="asAdmin" /> As an administrator
          </label>
        </ActionForm>
      </div>
    </details>
  );
}
