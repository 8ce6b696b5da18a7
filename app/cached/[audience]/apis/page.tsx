import type { Metadata } from 'next';
import { catalogQuerySchema } from '@/lib/gateway/catalog-search';
import { CatalogView } from '../../../(docs)/apis/(catalog)/catalog-view';
import { publicViewer, type CachedParams } from '../public-viewer';

export const metadata: Metadata = {
  title: 'APIs',
  description: 'Every API you can subscribe to, with its documentation.',
};

/** /apis for anonymous visitors: every public API, unfiltered (searches render per request). */
export default async function CachedCatalogPage({ params }: { params: CachedParams }) {
  return <CatalogView viewer={await publicViewer(params)} query={catalogQuerySchema.parse({})} />;
}
