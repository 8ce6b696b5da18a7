import type { Metadata } from 'next';
import { audienceViewer } from '@/lib/audiences/viewer';
import { guidesFor } from '@/lib/guides/published';
import { GuidesView } from './guides-view';

export const metadata: Metadata = {
  title: 'Guides',
  description: 'Getting started, authentication, errors and what changed.',
};

/** Signed-in readers (their audiences' guides); anonymous visits come from app/cached. */
export default async function GuidesPage() {
  const { tree } = await guidesFor(await audienceViewer());
  return <GuidesView tree={tree} />;
}
