import type { Metadata } from 'next';
import { guidesFor } from '@/lib/guides/published';
import { GuidesView } from '../../../(docs)/guides/guides-view';
import { publicViewer, type CachedParams } from '../public-viewer';

export const metadata: Metadata = {
  title: 'Guides',
  description: 'Getting started, authentication, errors and what changed.',
};

/** /guides for anonymous visitors: the public guides. */
export default async function CachedGuidesPage({ params }: { params: CachedParams }) {
  const { tree } = await guidesFor(await publicViewer(params));
  return <GuidesView tree={tree} />;
}
