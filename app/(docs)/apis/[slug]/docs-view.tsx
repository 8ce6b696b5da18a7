import Link from 'next/link';
import { ApiReference } from '@/components/docs/api-reference';
import { Markdown } from '@/components/docs/markdown';
import { OperationList } from '@/components/docs/operation-list';
import { getDocsDocument } from '@/lib/gateway/api-docs';
import type { ApiDocument, GenericDocument } from '@/lib/gateway/api-document';
import type { CatalogApi, CatalogEntry } from '@/lib/gateway/catalog-model';
import { describeKeyLocation } from '@/lib/gateway/openapi-export';
import { operationsByTag } from '@/lib/gateway/operations';
import type { TryItAccess } from '@/lib/try-it/access-model';

/**
 * One API's documentation. `tryItAccess` says whose key "Try it out" uses: the visitor's
 * (per request at /apis/[slug]) or a pasted one (the public page from cache).
 */
export async function ApiDocsView({
  api,
  tryItAccess,
}: {
  api: CatalogEntry;
  tryItAccess: (api: CatalogApi) => Promise<TryItAccess>;
}) {
  const document = await getDocsDocument(api).catch(() => undefined);
  const tryIt =
    api.kind === 'gateway' && document?.baseUrl
      ? { slug: api.slug, baseUrl: document.baseUrl, access: await tryItAccess(api) }
      : undefined;
  const info = (document?.spec.info ?? {}) as { description?: unknown; version?: unknown };
  // An admin's description replaces the document's own; otherwise the document's is fuller.
  const description =
    !api.describedByAdmin && typeof info.description === 'string'
      ? info.description
      : api.description;

  return (
    <article className="space-y-10">
      <header
        className={`space-y-3 ${api.accentColour ? 'border-l-4 pl-4' : ''}`}
        style={api.accentColour ? { borderColor: api.accentColour } : undefined}
      >
        <p className="text-sm">
          <Link href="/apis" className="underline">
            APIs
          </Link>{' '}
          / {api.name}
        </p>
        <h1 className="text-3xl font-bold tracking-tight">
          {api.name}
          {typeof info.version === 'string' && (
            <span className="ml-3 align-middle text-base font-normal text-slate-500 dark:text-slate-400">
              v{info.version}
            </span>
          )}
        </h1>
        {api.tags.length > 0 && (
          <ul aria-label="Tags" className="flex flex-wrap gap-2">
            {api.tags.map((tag) => (
              <li
                key={tag}
                className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs dark:bg-slate-800"
              >
                {tag}
              </li>
            ))}
          </ul>
        )}
        {description && <Markdown>{description}</Markdown>}
      </header>

      {document ? <Overview document={document} api={api} /> : <ExportFailed api={api} />}

      {document && (
        <section aria-labelledby="reference" className="space-y-4">
          <h2 id="reference" className="text-xl font-semibold">
            Interactive reference
          </h2>
          <ApiReference spec={document.spec} tryIt={tryIt} />
        </section>
      )}
    </article>
  );
}

function Overview({
  document,
  api,
}: {
  document: ApiDocument | GenericDocument;
  api: CatalogEntry;
}) {
  const { plans, slug } = api;
  return (
    <>
      <dl className="grid gap-6 rounded-xl border border-slate-200 p-5 sm:grid-cols-3 dark:border-slate-800">
        <div>
          <dt className="text-sm font-medium text-slate-500 dark:text-slate-400">Base URL</dt>
          <dd className="mt-1 font-mono text-sm break-all">{document.baseUrl ?? 'Not deployed'}</dd>
        </div>
        <div>
          <dt className="text-sm font-medium text-slate-500 dark:text-slate-400">Authentication</dt>
          <dd className="mt-1 text-sm">
            {document.keyLocation ? (
              <Markdown>{describeKeyLocation(document.keyLocation)}</Markdown>
            ) : (
              'As this document describes: the API is hosted elsewhere, not through this portal.'
            )}
          </dd>
        </div>
        <div>
          <dt className="text-sm font-medium text-slate-500 dark:text-slate-400">Included in</dt>
          <dd className="mt-1 text-sm">
            {plans.length > 0 ? (
              <Link href="/plans" className="underline">
                {plans.map((plan) => plan.name).join(', ')}
              </Link>
            ) : (
              'No plan: documentation only, no API key from this portal.'
            )}
          </dd>
        </div>
      </dl>
      <section aria-labelledby="operations" className="space-y-4">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="operations" className="text-xl font-semibold">
            Operations
          </h2>
          <p className="flex gap-3 text-sm">
            Download the spec:
            <a href={`/apis/${slug}/download?format=json`} className="underline">
              JSON
            </a>
            <a href={`/apis/${slug}/download?format=yaml`} className="underline">
              YAML
            </a>
          </p>
        </div>
        <OperationList groups={operationsByTag(document.spec)} />
      </section>
    </>
  );
}

function ExportFailed({ api }: { api: CatalogEntry }) {
  return (
    <div
      role="alert"
      className="rounded-xl border border-amber-300 bg-amber-50 p-5 dark:border-amber-700 dark:bg-amber-950/40"
    >
      <h2 className="font-semibold">The documentation of this API could not be loaded</h2>
      <p className="mt-1 text-sm">
        {api.kind === 'gateway'
          ? "API Gateway did not export this stage's OpenAPI document."
          : 'The stored OpenAPI document could not be read.'}{' '}
        Try again in a few minutes; if it persists, tell the API&apos;s owners.
      </p>
    </div>
  );
}
