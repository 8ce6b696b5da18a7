import Link from 'next/link';
import type { CatalogEntry } from '@/lib/gateway/catalog-model';

export function ApiCard({ api }: { api: CatalogEntry }) {
  return (
    <li
      className={`relative flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm transition hover:border-indigo-400 focus-within:ring-2 focus-within:ring-indigo-500 dark:border-slate-800 dark:bg-slate-900 ${api.accentColour ? 'border-t-4' : ''}`}
      style={api.accentColour ? { borderTopColor: api.accentColour } : undefined}
    >
      <div className="flex items-baseline justify-between gap-3">
        <h2 className="text-lg font-semibold">
          <Link
            href={`/apis/${api.slug}`}
            className="after:absolute after:inset-0 focus:outline-none"
          >
            {api.name}
          </Link>
        </h2>
        {api.version && (
          <span className="text-xs text-slate-500 dark:text-slate-400">v{api.version}</span>
        )}
      </div>
      {api.description && (
        <p className="line-clamp-3 text-sm text-slate-600 dark:text-slate-300">
          {firstParagraph(api.description)}
        </p>
      )}
      {api.tags.length > 0 && (
        <ul aria-label="Tags" className="flex flex-wrap gap-1.5">
          {api.tags.map((tag) => (
            <li
              key={tag}
              className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300"
            >
              {tag}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-auto text-xs text-slate-500 dark:text-slate-400">
        {api.kind === 'generic' ? (
          'Documentation only'
        ) : (
          <>
            <span className="sr-only">Plans: </span>
            {api.plans.map((plan) => plan.name).join(' · ')}
          </>
        )}
      </p>
    </li>
  );
}

/** Card text is plain: the Markdown of a description is rendered on the docs page only. */
function firstParagraph(markdown: string): string {
  return (markdown.split(/\n\s*\n/)[0] ?? '').replace(/[`*_#>[\]]/g, '').trim();
}
