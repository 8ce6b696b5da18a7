import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { audienceViewer } from '@/lib/audiences/viewer';
import { findGuide, GuideView } from './guide-view';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { guide } = await findGuide((await params).slug, await audienceViewer());
  return { title: guide ? guide.title : 'Guide not found' };
}

/** Signed-in readers (their audiences' guides); anonymous visits come from app/cached. */
export default async function GuidePage({ params }: Props) {
  const { guide, tree } = await findGuide((await params).slug, await audienceViewer());
  if (!guide) notFound();
  return <GuideView guide={guide} tree={tree} />;
}
