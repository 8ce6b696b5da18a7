import type { Metadata } from 'next';
import { CatalogEntryCard } from '@/components/catalog-admin/catalog-entry-card';
import { UploadSpecForm } from '@/components/catalog-admin/upload-spec-form';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { adminDeps } from '@/lib/admin/server-deps';
import { listAudiences } from '@/lib/audiences/groups';
import { requireAdmin } from '@/lib/auth/session';
import {
  deleteSpecAction,
  saveCatalogSettingsAction,
  setPublishedAction,
  uploadSpecAction,
} from '@/lib/catalog-admin/actions';
import { getAdminCatalog } from '@/lib/gateway/catalog';
import { cachedCatalogStore } from '@/lib/gateway/catalog-store';
import { catalogSettingsSchema, defaultCatalogSettings } from '@/lib/validation/catalog-settings';

export const metadata: Metadata = { title: 'APIs' };

const actions = {
  save: saveCatalogSettingsAction,
  publish: setPublishedAction,
  upload: uploadSpecAction,
  remove: deleteSpecAction,
};

export default async function CatalogAdminPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdmin('/admin/apis');
  const { deleted } = await searchParams;
  const [entries, store, audiences] = await Promise.all([
    getAdminCatalog(),
    cachedCatalogStore(),
    listAudiences(adminDeps()),
  ]);
  const settingsOf = new Map(
    store.settings.map((stored) => [stored.entry, catalogSettingsSchema.parse(stored)]),
  );
  return (
    <div className="space-y-8">
      <PageHeader
        title="APIs"
        description="Every API stage a usage plan covers, and the OpenAPI documents you publish for APIs hosted elsewhere. Choose what the catalog shows and how."
      />
      {deleted === '1' && <Alert tone="success">Deleted: the spec and its docs are gone.</Alert>}
      <section
        aria-labelledby="upload-heading"
        className="space-y-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="upload-heading" className="text-lg font-semibold">
          Publish a generic spec
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          For an API that is not behind this API Gateway: visitors read its docs, but there is no
          plan, no key and no try-it.
        </p>
        <UploadSpecForm action={actions.upload} />
      </section>
      {entries.length === 0 ? (
        <EmptyState
          title="No APIs yet"
          description="An API appears here once a usage plan covers one of its stages, or once you upload a spec above."
        />
      ) : (
        <ul className="space-y-4" aria-label="Catalog entries">
          {entries.map((api) => (
            <CatalogEntryCard
              key={api.entry}
              api={api}
              settings={settingsOf.get(api.entry) ?? defaultCatalogSettings}
              actions={actions}
              audiences={audiences}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
