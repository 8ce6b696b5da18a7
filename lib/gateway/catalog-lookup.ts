import 'server-only';
import type { AudienceViewer } from '../audiences/audience';
import { getVisibleCatalog, type CatalogApi, type CatalogEntry } from './catalog';

/**
 * One published API Gateway stage by slug that the viewer may see: what try-it and keys may act
 * on. An entry outside the viewer's audiences is answered as if it did not exist.
 */
export async function findCatalogApi(
  slug: string,
  viewer: AudienceViewer,
): Promise<CatalogApi | undefined> {
  const entry = await findCatalogEntry(slug, viewer);
  return entry?.kind === 'gateway' ? entry : undefined;
}

/** One published catalog entry of either kind by slug that the viewer may see, for the docs. */
export async function findCatalogEntry(
  slug: string,
  viewer: AudienceViewer,
): Promise<CatalogEntry | undefined> {
  return (await getVisibleCatalog(viewer)).find((api) => api.slug === slug);
}
