import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { findGuide, GuideView } from '../../../../(docs)/guides/[slug]/guide-view';
import { publicViewer } from '../../public-viewer';

type Props = { params: Promise<{ audience: string; slug: string }> };

export function generateStaticParams(): { slug: string }[] {
  return [];
}

async function load(params: Props['params']) {
  return findGuide((await params).slug, await publicViewer(params));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { guide } = await load(params);
  return { title: guide ? guide.title : 'Guide not found' };
}

/** A public guide; guides for an audience are absent here (404), as for any anonymous reader. */
export default async function CachedGuidePage({ params }: Props) {
  const { guide, tree } = await load(params);
  if (!guide) notFound();
  return <GuideView guide={guide} tree={tree} />;
}
