import type { Metadata } from 'next';
import { AuthCard } from '@/components/auth/auth-card';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { ButtonLink } from '@/components/ui/button';
import { currentUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Sign out' };

/** For links to /sign-out: signing out is a POST, so it takes a press of a button here. */
export default async function SignOutPage() {
  const user = await currentUser();
  return (
    <AuthCard
      title="Sign out"
      description={user ? `You are signed in as ${user.email}.` : 'You are signed out.'}
    >
      <div className="flex flex-wrap justify-center gap-3">
        {user ? (
          <SignOutButton variant="primary" size="md">
            Sign out
          </SignOutButton>
        ) : (
          <ButtonLink href="/sign-in">Sign in</ButtonLink>
        )}
        <ButtonLink href="/" variant="secondary">
          Go home
        </ButtonLink>
      </div>
    </AuthCard>
  );
}
