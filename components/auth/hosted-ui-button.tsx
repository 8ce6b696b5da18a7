'use client';

import { useState } from 'react';
import { signInWithProvider } from '@/lib/auth/browser-endpoints';
import { Button } from '../ui/button';

/** Sends the visitor to the user pool's Hosted UI (shown only when it is configured). */
export function HostedUiButton({
  providerId,
  callbackUrl,
}: {
  providerId: string;
  callbackUrl: string;
}) {
  const [leaving, setLeaving] = useState(false);
  return (
    <Button
      variant="secondary"
      className="w-full"
      disabled={leaving}
      onClick={() => {
        setLeaving(true);
        void signInWithProvider(providerId, callbackUrl);
      }}
    >
      {leaving ? 'Opening the sign-in page…' : 'Sign in with your organisation’s account'}
    </Button>
  );
}
