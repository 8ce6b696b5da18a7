import 'server-only';
import { currentUser } from '../auth/session';
import { anonymousViewer, audienceIdsOf, type AudienceViewer } from './audience';

/**
 * Who is looking at a page, from the session's verified groups (refreshed with the session, so
 * a membership change reaches a live session as a role change does). Anonymous visitors get
 * only what is public, which is also what public caches may hold.
 */
export async function audienceViewer(): Promise<AudienceViewer> {
  const user = await currentUser();
  if (!user) return anonymousViewer;
  return { signedIn: true, isAdmin: user.isAdmin, groups: audienceIdsOf(user.groups) };
}
