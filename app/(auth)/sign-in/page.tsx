import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { HostedUiButton } from '@/components/auth/hosted-ui-button';
import { SignInForm } from '@/components/auth/sign-in-form';
import { linkClass } from '@/components/auth/styles';
import { Alert } from '@/components/ui/alert';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { passwordPolicy } from '@/lib/auth/cognito-admin';
import { hostedUiProviderId } from '@/lib/auth/hosted-ui';
import { signInErrorMessage } from '@/lib/auth/messages';
import { passwordProviderId } from '@/lib/auth/options';
import { currentUser } from '@/lib/auth/session';
import { config } from '@/lib/config';
import { param, type SearchParams } from '../search-params';

export const metadata: Metadata = { title: 'Sign in' };

const notices: Record<string, string> = {
  confirmed: 'Your account is confirmed. Sign in to continue.',
  reset: 'Your password was changed. Sign in with the new one.',
  deleted: 'Your account was deleted, and its API key disabled.',
};

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(param(params, 'callbackUrl'));
  if (await currentUser()) redirect(callbackUrl);
  const email = param(params, 'email');
  const notice = Object.keys(notices).find((key) => param(params, key) === '1');
  const error = param(params, 'error');

  return (
    <AuthCard
      title="Sign in"
      description="Welcome back. Sign in to see your API keys and usage."
      footer={
        <p>
          New here?{' '}
          <Link href="/sign-up" className={linkClass}>
            Create an account
          </Link>
        </p>
      }
    >
      <div className="space-y-5">
        {notice && <Alert tone="success">{notices[notice]}</Alert>}
        {error && !notice && <Alert tone="error" title={signInErrorMessage(error)} />}
        <SignInForm
          callbackUrl={callbackUrl}
          email={email}
          providerId={passwordProviderId}
          policy={await passwordPolicy()}
        />
        {config().cognito.hostedUi && (
          <HostedUiButton providerId={hostedUiProviderId} callbackUrl={callbackUrl} />
        )}
      </div>
    </AuthCard>
  );
}
