'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { signInWithCredentials } from '@/lib/auth/browser-endpoints';
import { signInErrorMessage } from '@/lib/auth/messages';
import type { PasswordPolicy } from '@/lib/auth/password-policy';
import { Alert } from '../ui/alert';
import { linkClass } from './styles';
import { PasswordField } from './password-field';
import { SubmitButton } from './submit-button';
import { TextField } from './text-field';

type SignInFormProps = {
  /** Already checked on the server to be a path on this site. */
  callbackUrl: string;
  email?: string;
  /** next-auth's provider id for email and password. */
  providerId: string;
  /** For the new-password step of accounts an admin created. */
  policy: PasswordPolicy;
};

type Step = { name: 'password' } | { name: 'new-password'; email: string; password: string };

/**
 * Email and password, then — only for accounts created by an admin — a new password. Both
 * steps post to next-auth's Credentials provider (CSRF-checked); the temporary password is
 * kept in memory for the second post rather than any token being handed to the browser.
 */
export function SignInForm({ callbackUrl, email, providerId, policy }: SignInFormProps) {
  const router = useRouter();
  const [step, setStep] = useState<Step>({ name: 'password' });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ code: string; email: string } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const credentials =
      step.name === 'password'
        ? { email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') }
        : { ...step, newPassword: String(form.get('newPassword') ?? '') };
    setPending(true);
    setError(null);
    const result = await signInWithCredentials(providerId, credentials, callbackUrl).catch(() => ({
      error: 'unavailable',
    }));
    if (!result.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    setPending(false);
    if (result.error === 'new-password-required' && step.name === 'password') {
      setStep({ name: 'new-password', email: credentials.email, password: credentials.password });
      return;
    }
    setError({ code: result.error, email: credentials.email });
  }

  return (
    <form method="post" onSubmit={submit} className="space-y-5">
      {error && <SignInAlert code={error.code} email={error.email} />}
      {step.name === 'password' ? (
        <>
          <TextField
            name="email"
            label="Email"
            type="email"
            autoComplete="username"
            required
            autoFocus={!email}
            defaultValue={email}
          />
          <PasswordField
            name="password"
            label="Password"
            autoComplete="current-password"
            required
            autoFocus={!!email}
          />
          <p className="text-right text-sm">
            <Link href="/forgot-password" className={linkClass}>
              Forgot your password?
            </Link>
          </p>
        </>
      ) : (
        <>
          <Alert tone="info" title="Choose a new password">
            Your account was created for you with a temporary password. Choose your own to finish
            signing in as {step.email}.
          </Alert>
          <PasswordField
            name="newPassword"
            label="New password"
            autoComplete="new-password"
            required
            autoFocus
            policy={policy}
          />
        </>
      )}
      <SubmitButton pending={pending} pendingLabel="Signing in…" className="w-full">
        {step.name === 'password' ? 'Sign in' : 'Set password and sign in'}
      </SubmitButton>
    </form>
  );
}

function SignInAlert({ code, email }: { code: string; email: string }) {
  const query = email ? `?email=${encodeURIComponent(email)}` : '';
  return (
    <Alert tone="error" title={signInErrorMessage(code)}>
      {code === 'not-confirmed' && (
        <Link href={`/confirm${query}`} className={linkClass}>
          Enter your code or get a new one
        </Link>
      )}
      {code === 'password-reset-required' && (
        <Link href={`/forgot-password${query}`} className={linkClass}>
          Reset your password
        </Link>
      )}
    </Alert>
  );
}
