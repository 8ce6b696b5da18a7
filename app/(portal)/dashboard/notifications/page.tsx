import type { Metadata } from 'next';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { notificationsPageData } from '@/lib/notifications/page-data';
import { formatUtc } from '@/lib/format/utc';

export const metadata: Metadata = { title: 'Notifications' };

export default async function NotificationsPage() {
  const user = await requireUser('/dashboard/notifications');
  const notifications = await notificationsPageData(user);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Notifications"
        description="Quota alerts, key changes and decisions on your requests, from the last 30 days."
      />
      {notifications.length === 0 ? (
        <EmptyState title="Nothing new" description="Notifications appear here as things happen." />
      ) : (
        <ul className="space-y-2" data-testid="notification-list">
          {notifications.map((note) => (
            <li key={note.id}>
              <Alert tone={note.tone}>
                {note.message} <span className="text-xs opacity-75">({formatUtc(note.at)})</span>
              </Alert>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
