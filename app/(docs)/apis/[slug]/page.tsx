import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { audienceViewer } from '@/lib/audiences/viewer';
import { findCatalogEntry } from '@/lib/gateway/catalog-lookup';
import { tryItAccess } from '@/lib/try-it/access';
import { ApiDocsView } from './docs-view';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const api = await findCatalogEntry((await params).slug, await audienceViewer());
  return { title: api ? `${api.name} API` : 'API not found' };
}

/** Signed-in visitors (their audiences, their keys); anonymous visits come from app/cached. */
export default async function ApiDocsPage({ params }: Props) {
  const api = await findCatalogEntry((await params).slug, await audienceViewer());
  if (!api) notFound();
  return <ApiDocsView api={api} tryItAccess={tryItAccess} />;
}
