import { audienceViewer } from '@/lib/audiences/viewer';
import { getDocsDocument } from '@/lib/gateway/api-docs';
import { findCatalogEntry } from '@/lib/gateway/catalog-lookup';
import { describeKeyLocation } from '@/lib/gateway/openapi-export';
import { operationsByTag } from '@/lib/gateway/operations';
import { apiMarkdown } from '@/lib/llms/llms-text';

/** `GET /apis/{slug}/llms.md`: the API reference as Markdown, for coding assistants. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const api = await findCatalogEntry(slug, await audienceViewer());
  if (!api)
    return Response.json({ message: `No published API is called "${slug}".` }, { status: 404 });
  const document = await getDocsDocument(api);
  const body = apiMarkdown(new URL(request.url).origin, api, {
    baseUrl: document.baseUrl,
    authentication: document.keyLocation ? describeKeyLocation(document.keyLocation) : undefined,
    groups: operationsByTag(document.spec),
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/markdown; charset=utf-8',
      'cache-control': 'private, no-store',
    },
  });
}
