'use client';

import { useState } from 'react';
import { signOut } from '@/lib/auth/browser-endpoints';
import { Button, type ButtonProps } from '../ui/button';

type SignOutButtonProps = Omit<ButtonProps, 'onClick'> & {
  /** Where to land afterwards (a path on this site). */
  callbackUrl?: string;
};

/** Ends the session through next-auth's CSRF-checked POST /api/auth/signout. */
export function SignOutButton({ callbackUrl = '/', children, ...props }: SignOutButtonProps) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      {...props}
      disabled={pending}
      aria-busy={pending}
      onClick={async () => {
        setPending(true);
        await signOut(callbackUrl);
      }}
    >
      {pending ? 'Signing out…' : (children ?? 'Sign out')}
    </Button>
  );
}
