import Link from 'next/link';
import { ApiCard } from '@/components/catalog/api-card';
import { CatalogFilters } from '@/components/catalog/catalog-filters';
import type { AudienceViewer } from '@/lib/audiences/audience';
import { getVisibleCatalog } from '@/lib/gateway/catalog';
import {
  catalogPlanNames,
  catalogTagNames,
  searchCatalog,
  type CatalogQuery,
} from '@/lib/gateway/catalog-search';

/** The catalog as `viewer` sees it: per visitor at /apis, the public one from cache. */
export async function CatalogView({
  viewer,
  query,
}: {
  viewer: AudienceViewer;
  query: CatalogQuery;
}) {
  const catalog = await getVisibleCatalog(viewer);
  const results = searchCatalog(catalog, query);
  const filtered = Boolean(query.q || query.plan || query.tag);

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">APIs</h1>
        <p className="text-slate-600 dark:text-slate-300">
          Read the documentation of every API here, no account needed. Subscribe to a{' '}
          <Link href="/plans" className="underline">
            plan
          </Link>{' '}
          to get an API key.
        </p>
      </header>
      <CatalogFilters
        q={query.q}
        plan={query.plan}
        tag={query.tag}
        plans={catalogPlanNames(catalog)}
        tags={catalogTagNames(catalog)}
      />
      <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
        {filtered
          ? `${results.length} of ${catalog.length} APIs match.`
          : `${catalog.length} APIs.`}
      </p>
      {results.length > 0 ? (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {results.map((api) => (
            <ApiCard key={api.slug} api={api} />
          ))}
        </ul>
      ) : (
        <div className="rounded-xl border border-dashed border-slate-300 p-10 text-center dark:border-slate-700">
          <h2 className="font-semibold">
            {filtered ? 'No API matches your search' : 'No APIs are published yet'}
          </h2>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            {filtered ? (
              <Link href="/apis" className="underline">
                Show every API
              </Link>
            ) : (
              'APIs appear here once a usage plan covers one of their stages.'
            )}
          </p>
        </div>
      )}
    </div>
  );
}
