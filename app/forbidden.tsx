import type { Metadata } from 'next';
import { ButtonLink } from '@/components/ui/button';

export const metadata: Metadata = { title: 'No access' };

/** What `forbidden()` renders, with a 403: signed in, but without the role the page needs. */
export default function Forbidden() {
  return (
    <div className="mx-auto max-w-xl space-y-6 py-12 text-center">
      <p className="text-sm font-semibold text-indigo-600 dark:text-indigo-400">403</p>
      <h1 className="text-3xl font-bold tracking-tight">You do not have access to this page</h1>
      <p className="text-slate-600 dark:text-slate-300">
        This part of the portal is for its administrators. If you think you should have access, ask
        one of them to add you to the admin group.
      </p>
      <div className="flex flex-wrap justify-center gap-3">
        <ButtonLink href="/">Go home</ButtonLink>
        <ButtonLink href="/account" variant="secondary">
          Your account
        </ButtonLink>
      </div>
    </div>
  );
}
