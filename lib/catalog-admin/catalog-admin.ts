import 'server-only';
import { getAdminCatalog } from '../gateway/catalog';
import { invalidateCatalogStore } from '../gateway/catalog-store';
import { indexPublishedEntry, indexUploadedSpec, unindexEntry } from '../search/search-service';
import {
  readCatalogStore,
  saveCatalogSettings,
  SlugTakenError,
  type CatalogStoreDeps,
} from '../store/catalog-settings';
import {
  createGenericSpec,
  deleteGenericSpec,
  replaceGenericSpec,
  SpecConflictError,
} from '../store/generic-specs';
import type { SpecHeader } from '../store/spec-header';
import {
  catalogSettingsSchema,
  defaultCatalogSettings,
  genericEntryKey,
  type CatalogEntryKey,
  parseSettingsUpdate,
  type SettingsUpdateInput,
} from '../validation/catalog-settings';
import { parseOpenApiUpload } from '../validation/openapi-upload';

/** A refusal the admin should read as is: the page shows `message` verbatim. */
export class CatalogAdminError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogAdminError';
  }
}

/** Runs a change and drops the cached catalog, so this server shows it at once. */
async function changing<T>(change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (error instanceof SlugTakenError || error instanceof SpecConflictError)
      throw new CatalogAdminError(error.message);
    throw error;
  } finally {
    invalidateCatalogStore();
  }
}

/** Saves an entry's settings; a slug another entry shows (even one it was given) is refused. */
export async function updateCatalogSettings(
  deps: CatalogStoreDeps,
  by: string,
  update: SettingsUpdateInput,
): Promise<void> {
  const { entry, settings } = parseSettingsUpdate(update);
  const entries = await getAdminCatalog();
  if (!entries.some((api) => api.entry === entry))
    throw new CatalogAdminError('That API is no longer in the catalog. Reload the page.');
  const clash = settings.slug
    ? entries.find((api) => api.slug === settings.slug && api.entry !== entry)
    : undefined;
  if (clash)
    throw new CatalogAdminError(
      `The slug "${settings.slug}" is already used by ${clash.name}. Choose another one.`,
    );
  await changing(() => saveCatalogSettings(deps, entry, settings, by));
  // A name, slug or audience is what search shows and who it shows it to. Saving also
  // summarises the document again, as the docs page shows it: so an admin can bring search up
  // to date with a stage redeployed under the same version.
  await indexPublishedEntry(deps, entry);
}

/** Publishes or unpublishes an entry, keeping its other settings. */
export async function setPublished(
  deps: CatalogStoreDeps,
  by: string,
  entry: CatalogEntryKey,
  published: boolean,
): Promise<void> {
  if (!(await getAdminCatalog()).some((api) => api.entry === entry))
    throw new CatalogAdminError('That API is no longer in the catalog. Reload the page.');
  const current = (await readCatalogStore(deps)).settings.find((item) => item.entry === entry);
  // Parsing drops the stored item's bookkeeping (entry, updatedAt, updatedBy).
  const settings = current ? catalogSettingsSchema.parse(current) : defaultCatalogSettings;
  await changing(() => saveCatalogSettings(deps, entry, { ...settings, published }, by));
  await (published ? indexPublishedEntry(deps, entry) : unindexEntry(deps, entry));
}

/**
 * Stores an uploaded spec (JSON or YAML text), new or replacing `replace`'s revision. An invalid
 * document is refused with the parser's message and where the problem is.
 */
export async function uploadGenericSpec(
  deps: CatalogStoreDeps,
  by: string,
  text: string,
  replace?: { id: string; revision: string },
): Promise<SpecHeader> {
  const parsed = parseOpenApiUpload(text);
  if (!parsed.ok) throw new CatalogAdminError(parsed.message);
  const upload = { document: parsed.document, format: parsed.format, by };
  const header = await changing(() =>
    replace
      ? replaceGenericSpec(deps, replace.id, replace.revision, upload)
      : createGenericSpec(deps, upload),
  );
  await indexUploadedSpec(deps, header, parsed.document);
  return header;
}

export async function removeGenericSpec(deps: CatalogStoreDeps, id: string): Promise<void> {
  await changing(() => deleteGenericSpec(deps, id));
  await unindexEntry(deps, genericEntryKey(id));
}
