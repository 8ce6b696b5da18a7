import { audienceViewer } from '@/lib/audiences/viewer';
import { getVisibleCatalog } from '@/lib/gateway/catalog';
import { guidesFor } from '@/lib/guides/published';
import { llmsIndex } from '@/lib/llms/llms-text';

export const dynamic = 'force-dynamic';

/** `GET /llms.txt`: the APIs and guides this reader may use, for coding assistants. */
export async function GET(request: Request) {
  const viewer = await audienceViewer();
  const [apis, { guides }] = await Promise.all([getVisibleCatalog(viewer), guidesFor(viewer)]);
  return new Response(llmsIndex(new URL(request.url).origin, apis, guides), {
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      // What a signed-in reader gets depends on their audiences: never shared by caches.
      'cache-control': 'private, no-store',
    },
  });
}
