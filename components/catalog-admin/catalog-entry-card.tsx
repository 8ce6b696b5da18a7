import Link from 'next/link';
import type { CatalogEntry } from '@/lib/gateway/catalog-model';
import type { ActionResult } from '@/lib/server-action/result';
import type { CatalogSettings } from '@/lib/validation/catalog-settings';
import { ActionForm } from '../portal/action-form';
import { SettingsForm } from './settings-form';
import { UploadSpecForm } from './upload-spec-form';
import { formatUtc } from '@/lib/format/utc';

type Action = (state: ActionResult, form: FormData) => Promise<ActionResult>;

export type CatalogAdminActions = {
  save: Action;
  publish: Action;
  upload: Action;
  remove: Action;
};

/** One catalog entry on the admin page: what it is, its state, and every change to it. */
export function CatalogEntryCard({
  api,
  settings,
  actions,
  audiences,
}: {
  api: CatalogEntry;
  settings: CatalogSettings;
  actions: CatalogAdminActions;
  audiences: { id: string; name: string }[];
}) {
  const headingId = `${api.entry.replace(/[^a-z0-9]/gi, '-')}-heading`;
  return (
    <li
      aria-labelledby={headingId}
      data-testid="catalog-entry"
      className={`space-y-4 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900 ${api.accentColour ? 'border-l-4' : ''}`}
      style={api.accentColour ? { borderLeftColor: api.accentColour } : undefined}
    >
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h2 id={headingId} className="text-lg font-semibold">
            {api.name}{' '}
            <span
              className={`ml-1 rounded-full px-2 py-0.5 align-middle text-xs font-medium ${api.published ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-100' : 'bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-300'}`}
            >
              {api.published ? 'Published' : 'Unpublished'}
            </span>
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {api.kind === 'gateway'
              ? `API Gateway ${api.sourceName}: ${api.restApiId} / ${api.stage} · plans: ${api.plans.map((plan) => plan.name).join(', ')}`
              : `Generic spec ${api.sourceName} ${api.spec.version} · ${api.spec.format.toUpperCase()}, ${Math.ceil(api.spec.jsonBytes / 1024)} KB · uploaded by ${api.spec.uploadedBy}, ${formatUtc(api.spec.uploadedAt)}`}
          </p>
          <p className="text-sm">
            {api.published ? (
              <Link href={`/apis/${api.slug}`} className="font-mono underline">
                /apis/{api.slug}
              </Link>
            ) : (
              <span className="font-mono text-slate-500 dark:text-slate-400">
                /apis/{api.slug} (hidden)
              </span>
            )}
          </p>
        </div>
        <ActionForm
          action={actions.publish}
          fields={{ entry: api.entry, published: String(!api.published) }}
          label={api.published ? `Unpublish ${api.name}` : `Publish ${api.name}`}
          pendingLabel={api.published ? 'Unpublishing…' : 'Publishing…'}
          variant={api.published ? 'secondary' : 'primary'}
        />
      </div>
      <details className="group rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <summary className="cursor-pointer text-sm font-semibold">Catalog settings</summary>
        <div className="mt-4">
          <SettingsForm
            action={actions.save}
            entry={api.entry}
            own={{ name: api.sourceName, slug: api.slug }}
            settings={settings}
            audiences={audiences}
          />
        </div>
      </details>
      {api.kind === 'generic' && (
        <details className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          <summary className="cursor-pointer text-sm font-semibold">
            Replace or delete the spec
          </summary>
          <div className="mt-4 grid gap-6 md:grid-cols-[1fr_auto]">
            <UploadSpecForm
              action={actions.upload}
              replace={{ specId: api.spec.id, revision: api.spec.revision, title: api.name }}
            />
            <ActionForm
              action={actions.remove}
              fields={{ specId: api.spec.id }}
              label={`Delete ${api.name}`}
              pendingLabel="Deleting…"
              variant="danger"
              confirm={`Delete the spec "${api.name}" and its docs? This cannot be undone.`}
            />
          </div>
        </details>
      )}
    </li>
  );
}
