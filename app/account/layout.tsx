import type { ReactNode } from 'react';
import { requireUser } from '@/lib/auth/session';

/** Signed-in only; the proxy redirects first, this is the check that cannot be skipped. */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  await requireUser('/account');
  return <>{children}</>;
}
