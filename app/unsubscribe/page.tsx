import type { Metadata } from 'next';
import { ActionForm } from '@/components/portal/action-form';
import { Card } from '@/components/ui/card';
import { unsubscribeMailAction } from '@/lib/mail/unsubscribe-action';

export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false } };

/** Reached from a mail's link, signed out; the button (not the visit) turns the mail off. */
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  return (
    <Card as="section" className="mx-auto max-w-lg space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">Stop quota alerts and key reminders</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        You will still get mail about your access: approvals, key rotations and disabled keys. You
        can turn alerts back on from your account page.
      </p>
      {typeof token === 'string' && token ? (
        <ActionForm
          action={unsubscribeMailAction}
          fields={{ token }}
          label="Turn them off"
          pendingLabel="Turning them off…"
        />
      ) : (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          This link is incomplete. Sign in and change your mail settings on your account page.
        </p>
      )}
    </Card>
  );
}
