import 'server-only';
import { getCatalog, type CatalogApi } from './catalog';

/** One catalog API by slug, or undefined when nothing is published under it. */
export async function findCatalogApi(slug: string): Promise<CatalogApi | undefined> {
  return (await getCatalog()).find((api) => api.slug === slug);
}
