'use client';

import Link from 'next/link';
import { ButtonLink } from '../ui/button';
import { useViewer } from '../viewer-context';
import { SignOutButton } from './sign-out-button';

/** Sign in, or the signed-in visitor's notifications, email and sign-out; nothing until known. */
export function AccountLinks() {
  const viewer = useViewer();
  if (viewer === undefined) return null;
  if (!viewer)
    return (
      <ButtonLink href="/sign-in" size="sm">
        Sign in
      </ButtonLink>
    );
  const unread = viewer.unread ?? 0;
  return (
    <>
      <Link
        href="/dashboard/notifications"
        data-testid="notifications-link"
        className="relative rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        Notifications
        {unread > 0 && (
          <span className="ml-1 rounded-full bg-indigo-600 px-1.5 py-0.5 text-xs font-semibold text-white tabular-nums">
            {unread}
            <span className="sr-only"> unread</span>
          </span>
        )}
      </Link>
      <span
        title={viewer.email}
        className="max-w-48 truncate text-sm text-slate-600 dark:text-slate-400"
      >
        <span className="sr-only">Signed in as </span>
        {viewer.email}
      </span>
      <SignOutButton />
    </>
  );
}
