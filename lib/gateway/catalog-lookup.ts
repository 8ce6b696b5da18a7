import 'server-only';
import { getCatalog, getDocsCatalog, type CatalogApi, type CatalogEntry } from './catalog';

/** One published API Gateway stage by slug: what try-it and keys may act on. */
export async function findCatalogApi(slug: string): Promise<CatalogApi | undefined> {
  return (await getCatalog()).find((api) => api.slug === slug);
}

/** One published catalog entry of either kind by slug, for the docs pages. */
export async function findCatalogEntry(slug: string): Promise<CatalogEntry | undefined> {
  return (await getDocsCatalog()).find((api) => api.slug === slug);
}
