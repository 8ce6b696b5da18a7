import type { Metadata } from 'next';
import Link from 'next/link';
import { AccountForm } from '@/components/auth/account-form';
import { AuthCard } from '@/components/auth/auth-card';
import { linkClass } from '@/components/auth/styles';
import { signUpAction } from '@/lib/auth/actions/sign-up';
import { passwordPolicy } from '@/lib/auth/cognito-admin';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage() {
  return (
    <AuthCard
      title="Create an account"
      description="Sign up with your email to get an API key. We will email you a code to confirm it is yours."
      footer={
        <p>
          Already have an account?{' '}
          <Link href="/sign-in" className={linkClass}>
            Sign in
          </Link>
        </p>
      }
    >
      <AccountForm
        action={signUpAction}
        policy={await passwordPolicy()}
        fields={[
          { name: 'email', label: 'Email', kind: 'email', autoFocus: true },
          { name: 'password', label: 'Password', kind: 'new-password' },
        ]}
        submitLabel="Create account"
        pendingLabel="Creating your account…"
      />
    </AuthCard>
  );
}
