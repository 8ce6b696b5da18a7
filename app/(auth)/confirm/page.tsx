import type { Metadata } from 'next';
import Link from 'next/link';
import { AccountForm } from '@/components/auth/account-form';
import { AuthCard } from '@/components/auth/auth-card';
import { linkClass } from '@/components/auth/styles';
import { Alert } from '@/components/ui/alert';
import { confirmAction, resendCodeAction } from '@/lib/auth/actions/confirm';
import { LocalCodeHint } from '../local-code-hint';
import { param, type SearchParams } from '../search-params';

export const metadata: Metadata = { title: 'Confirm your account' };

export default async function ConfirmPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const email = param(params, 'email') ?? '';
  const sent = param(params, 'sent') === '1';

  return (
    <AuthCard
      title="Confirm your account"
      description="Enter the 6-digit code we emailed you."
      footer={
        <p>
          Confirmed already?{' '}
          <Link href="/sign-in" className={linkClass}>
            Sign in
          </Link>
        </p>
      }
    >
      <div className="space-y-5">
        {sent && email && <Alert tone="success">We sent a code to {email}.</Alert>}
        <LocalCodeHint email={email} />
        <AccountForm
          action={confirmAction}
          fields={[
            {
              name: 'email',
              label: 'Email',
              kind: 'email',
              defaultValue: email,
              autoFocus: !email,
            },
            { name: 'code', label: 'Confirmation code', kind: 'code', autoFocus: !!email },
          ]}
          submitLabel="Confirm account"
          pendingLabel="Confirming…"
        />
        <section
          aria-labelledby="resend-heading"
          className="space-y-3 border-t border-slate-200 pt-5 dark:border-slate-800"
        >
          <h2 id="resend-heading" className="text-sm font-semibold">
            No code, or it expired?
          </h2>
          <AccountForm
            action={resendCodeAction}
            fields={
              email
                ? [{ name: 'email', label: 'Email', kind: 'hidden', defaultValue: email }]
                : [{ name: 'email', label: 'Email', kind: 'email' }]
            }
            submitLabel="Send a new code"
            pendingLabel="Sending…"
            variant="secondary"
          />
        </section>
      </div>
    </AuthCard>
  );
}
