import { config } from '@/lib/config';
import { getVisibleCatalog } from '@/lib/gateway/catalog';
import { guidesFor } from '@/lib/guides/published';
import { llmsIndex } from '@/lib/llms/llms-text';
import { publicViewer } from '../public-viewer';

export const revalidate = 300;
export const dynamic = 'force-static';

export function generateStaticParams(): { audience: string }[] {
  return [];
}

/** `/llms.txt` for anonymous readers: the public APIs and guides, kept like the public pages. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ audience: string }> },
) {
  const viewer = await publicViewer(params);
  const [apis, { guides }] = await Promise.all([getVisibleCatalog(viewer), guidesFor(viewer)]);
  return new Response(llmsIndex(new URL(config().auth.url).origin, apis, guides), {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}
