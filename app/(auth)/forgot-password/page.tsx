import type { Metadata } from 'next';
import Link from 'next/link';
import { AccountForm } from '@/components/auth/account-form';
import { AuthCard } from '@/components/auth/auth-card';
import { linkClass } from '@/components/auth/styles';
import { forgotPasswordAction } from '@/lib/auth/actions/reset-password';
import { param, type SearchParams } from '../search-params';

export const metadata: Metadata = { title: 'Reset your password' };

export default async function ForgotPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const email = param(await searchParams, 'email');
  return (
    <AuthCard
      title="Reset your password"
      description="Enter your account's email and we will send you a code to choose a new password."
      footer={
        <p>
          Remembered it?{' '}
          <Link href="/sign-in" className={linkClass}>
            Sign in
          </Link>
        </p>
      }
    >
      <AccountForm
        action={forgotPasswordAction}
        fields={[
          { name: 'email', label: 'Email', kind: 'email', defaultValue: email, autoFocus: true },
        ]}
        submitLabel="Send code"
        pendingLabel="Sending…"
      />
    </AuthCard>
  );
}
