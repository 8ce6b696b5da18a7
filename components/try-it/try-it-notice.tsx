import Link from 'next/link';
import type { ReactNode } from 'react';
import type { TryItAccess } from '@/lib/try-it/access-model';

const messages: Record<TryItAccess, { title: string; body: ReactNode }> = {
  subscriber: {
    title: 'Try it out with your own key',
    body: 'The portal adds your API key on its server, so it never reaches this page. Calls count against your plan like any other.',
  },
  'signed-in': {
    title: 'Try it out',
    body: (
      <>
        You are not subscribed to a plan that covers this API. Paste a key with{' '}
        <strong>Authorize</strong>, or{' '}
        <Link href="/plans" className="underline">
          choose a plan
        </Link>{' '}
        to get your own.
      </>
    ),
  },
  'signed-out': {
    title: 'Try it out',
    body: (
      <>
        Paste an API key with <strong>Authorize</strong> (it is forwarded, never stored), or{' '}
        <Link href="/sign-in" className="underline">
          sign in
        </Link>{' '}
        to use your own key without pasting it.
      </>
    ),
  },
};

/** Above the reference: whose key "Try it out" sends, and how calls reach the API. */
export function TryItNotice({ access }: { access: TryItAccess }) {
  const { title, body } = messages[access];
  return (
    <div
      data-testid="try-it-notice"
      className="rounded-xl border border-sky-300 bg-sky-50 p-4 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950/40 dark:text-sky-100"
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1">
        {body} Requests go through the portal to the API&apos;s own invoke URL (up to 5 a second,
        bodies up to 1 MB, answers up to 6 MB).
      </p>
    </div>
  );
}
