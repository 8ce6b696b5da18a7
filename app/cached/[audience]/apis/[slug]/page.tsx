import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { findCatalogEntry } from '@/lib/gateway/catalog-lookup';
import { accessOf } from '@/lib/try-it/access-model';
import { ApiDocsView } from '../../../../(docs)/apis/[slug]/docs-view';
import { publicViewer } from '../../public-viewer';

type Props = { params: Promise<{ audience: string; slug: string }> };

export function generateStaticParams(): { slug: string }[] {
  return [];
}

async function load(params: Props['params']) {
  return findCatalogEntry((await params).slug, await publicViewer(params));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const api = await load(params);
  return { title: api ? `${api.name} API` : 'API not found' };
}

/** A public API's docs; APIs for an audience are absent here (404), as for any anonymous visitor. */
export default async function CachedApiDocsPage({ params }: Props) {
  const api = await load(params);
  if (!api) notFound();
  return (
    <ApiDocsView
      api={api}
      tryItAccess={async (gatewayApi) =>
        accessOf(
          undefined,
          gatewayApi.plans.map((plan) => plan.id),
        )
      }
    />
  );
}
