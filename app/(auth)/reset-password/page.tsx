import type { Metadata } from 'next';
import Link from 'next/link';
import { AccountForm } from '@/components/auth/account-form';
import { AuthCard } from '@/components/auth/auth-card';
import { linkClass } from '@/components/auth/styles';
import { Alert } from '@/components/ui/alert';
import { resetPasswordAction } from '@/lib/auth/actions/reset-password';
import { passwordPolicy } from '@/lib/auth/cognito-admin';
import { LocalCodeHint } from '../local-code-hint';
import { param, type SearchParams } from '../search-params';

export const metadata: Metadata = { title: 'Choose a new password' };

export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const email = param(params, 'email') ?? '';
  return (
    <AuthCard
      title="Choose a new password"
      description="Enter the code from the email and your new password."
      footer={
        <p>
          No email?{' '}
          <Link href={`/forgot-password?email=${encodeURIComponent(email)}`} className={linkClass}>
            Send another code
          </Link>
        </p>
      }
    >
      <div className="space-y-5">
        {param(params, 'sent') === '1' && email && (
          <Alert tone="success">If {email} has an account, we sent it a code.</Alert>
        )}
        <LocalCodeHint email={email} />
        <AccountForm
          action={resetPasswordAction}
          policy={await passwordPolicy()}
          fields={[
            {
              name: 'email',
              label: 'Email',
              kind: 'email',
              defaultValue: email,
              autoFocus: !email,
            },
            { name: 'code', label: 'Code', kind: 'code', autoFocus: !!email },
            { name: 'password', label: 'New password', kind: 'new-password' },
          ]}
          submitLabel="Change password"
          pendingLabel="Changing your password…"
        />
      </div>
    </AuthCard>
  );
}
