import { headerViewer } from '@/lib/notifications/header-viewer';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/viewer`: the header's signed-in bits (email, admin link, unread notifications) for
 * the caller's own session, `null` when signed out. Pages no longer read the session for the
 * header, so the public ones can come from cache; this answer never does.
 */
export async function GET(): Promise<Response> {
  return Response.json(
    { viewer: await headerViewer() },
    { headers: { 'cache-control': 'private, no-store' } },
  );
}
