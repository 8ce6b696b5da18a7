import { stringify } from 'yaml';
import { audienceViewer } from '@/lib/audiences/viewer';
import { z } from 'zod';
import { getDocsDocument } from '@/lib/gateway/api-docs';
import { findCatalogEntry } from '@/lib/gateway/catalog-lookup';

const formatSchema = z.enum(['json', 'yaml']);

/** `GET /apis/{slug}/download?format=json|yaml`: the reader's OpenAPI document as a file. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const format = formatSchema.safeParse(new URL(request.url).searchParams.get('format') ?? 'json');
  if (!format.success)
    return Response.json({ message: 'format must be json or yaml' }, { status: 400 });
  const api = await findCatalogEntry(slug, await audienceViewer());
  if (!api)
    return Response.json({ message: `No published API is called "${slug}".` }, { status: 404 });
  const { spec } = await getDocsDocument(api);
  const body = format.data === 'json' ? `${JSON.stringify(spec, null, 2)}\n` : stringify(spec);
  return new Response(body, {
    headers: {
      'content-type': format.data === 'json' ? 'application/json' : 'application/yaml',
      'content-disposition': `attachment; filename="${api.slug}.openapi.${format.data}"`,
      // Only a public API's document may sit in shared caches; the others are per reader.
      'cache-control': api.audience.kind === 'public' ? 'public, max-age=60' : 'private, no-store',
    },
  });
}
