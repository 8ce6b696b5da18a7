import 'server-only';
import { currentUser } from '../auth/session';
import { portalDeps } from '../portal/server-deps';
import { unreadNotificationCount } from '../store/notifications';
import type { Viewer } from '@/components/types';

/** The header's viewer, with how many notifications they have not seen (one small query). */
export async function headerViewer(): Promise<Viewer> {
  const user = await currentUser();
  if (!user) return null;
  const unread = await unreadNotificationCount(portalDeps(), user.sub).catch(() => 0);
  return { email: user.email, isAdmin: user.isAdmin, unread };
}
