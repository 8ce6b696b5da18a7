import 'server-only';
import type { CurrentUser } from '../auth/session';
import { portalDeps } from '../portal/server-deps';
import { markNotificationsSeen, recentNotifications } from '../store/notifications';

/** The list, newest first; seeing it marks everything read (the header's count drops to 0). */
export async function notificationsPageData(user: CurrentUser) {
  const deps = portalDeps();
  const notifications = await recentNotifications(deps, user.sub, 50);
  await markNotificationsSeen(deps, user.sub);
  return notifications;
}
