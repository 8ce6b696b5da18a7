import type { ReactNode } from 'react';

// The forms read the user pool (password policy, Hosted UI) when asked, never at build time.
export const dynamic = 'force-dynamic';

/** Sign-in, sign-up and password pages: one narrow column, a little lower than the header. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return <div className="py-6 sm:py-10">{children}</div>;
}
