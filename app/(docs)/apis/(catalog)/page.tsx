import type { Metadata } from 'next';
import { audienceViewer } from '@/lib/audiences/viewer';
import { catalogQuerySchema } from '@/lib/gateway/catalog-search';
import { CatalogView } from './catalog-view';

export const metadata: Metadata = {
  title: 'APIs',
  description: 'Every API you can subscribe to, with its documentation.',
};

/** Signed-in visitors and searches; anonymous visits of plain /apis come from app/cached. */
export default async function CatalogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, unknown>>;
}) {
  const query = catalogQuerySchema.parse(await searchParams);
  return <CatalogView viewer={await audienceViewer()} query={query} />;
}
