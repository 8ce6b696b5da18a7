import type { Metadata } from 'next';
import { AccountForm } from '@/components/auth/account-form';
import { DeleteAccountForm } from '@/components/auth/delete-account-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { changePasswordAction, deleteAccountAction } from '@/lib/auth/actions/account';
import { passwordPolicy } from '@/lib/auth/cognito-admin';
import { requireUser } from '@/lib/auth/session';
import { MailPreferencesForm } from '@/components/mail/mail-preferences-form';
import { mailPreferences } from '@/lib/mail/preferences';
import { portalDeps } from '@/lib/portal/server-deps';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const user = await requireUser('/account');
  const policy = await passwordPolicy();
  return (
    <div className="max-w-2xl space-y-8">
      <PageHeader title="Your account" description="Your sign-in details and what you can do." />

      <Card as="section" className="space-y-4">
        <h2 className="text-lg font-semibold">Details</h2>
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-600 dark:text-slate-400">Email</dt>
          <dd>{user.email}</dd>
          <dt className="font-medium text-slate-600 dark:text-slate-400">Role</dt>
          <dd>{user.isAdmin ? 'Administrator' : 'Developer'}</dd>
          <dt className="font-medium text-slate-600 dark:text-slate-400">Groups</dt>
          <dd>{user.groups.length > 0 ? user.groups.join(', ') : 'None'}</dd>
          <dt className="font-medium text-slate-600 dark:text-slate-400">Account ID</dt>
          <dd className="font-mono text-xs break-all">{user.sub}</dd>
        </dl>
      </Card>

      <Card as="section" className="space-y-4">
        <h2 className="text-lg font-semibold">Mail</h2>
        <MailPreferencesForm
          optionalMail={(await mailPreferences(portalDeps(), user.sub)).optionalMail}
        />
      </Card>

      <Card as="section" className="space-y-4">
        <h2 className="text-lg font-semibold">Change password</h2>
        <AccountForm
          action={changePasswordAction}
          policy={policy}
          fields={[
            { name: 'currentPassword', label: 'Current password', kind: 'password' },
            { name: 'newPassword', label: 'New password', kind: 'new-password' },
          ]}
          submitLabel="Change password"
          pendingLabel="Changing your password…"
        />
      </Card>

      <Card as="section" className="space-y-4">
        <h2 className="text-lg font-semibold">Delete account</h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Deleting your account removes your API key from every plan and disables it.
        </p>
        <DeleteAccountForm action={deleteAccountAction} email={user.email} />
      </Card>
    </div>
  );
}
