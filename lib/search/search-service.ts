import 'server-only';
import type { AudienceViewer } from '../audiences/audience';
import { getDocsDocument } from '../gateway/api-docs';
import { gatewayCache, gatewayCacheTtlMs } from '../gateway/cache';
import { getAdminCatalog, getDocsCatalog, type CatalogEntry } from '../gateway/catalog';
import { catalogStoreDeps, invalidateCatalogStore } from '../gateway/catalog-store';
import { readableGuides } from '../guides/guide';
import { cachedGuides, forgetGuides } from '../guides/published';
import type { CatalogStoreDeps } from '../store/catalog-settings';
import {
  bumpSearchVersion,
  deleteSearchSummary,
  readSearchSummaries,
  readSearchVersion,
  writeSearchSummary,
} from '../store/search-summaries';
import type { SpecHeader } from '../store/spec-header';
import { genericEntryKey } from '../validation/catalog-settings';
import { stageSummarySource, summariseDocument, type DocumentSummary } from './document-summary';
import { buildSearchIndex, type SearchIndex } from './search-index';
import { searchIndex } from './search-query';
import type { SearchResult } from './search-result';

const cacheKey = 'search:index';

/** The index holds everything published; each query then keeps what its viewer may see. */
const everyone: AudienceViewer = { signedIn: true, isAdmin: true, groups: [] };

/** What a stored summary was made from: when the entry's document changes, so does this. */
function sourceOf(entry: CatalogEntry): string {
  return entry.kind === 'generic'
    ? `spec:${entry.spec.revision}`
    : stageSummarySource(entry.restApiId, entry.stage, entry.version);
}

async function summarise(deps: CatalogStoreDeps, entry: CatalogEntry): Promise<DocumentSummary> {
  const summary = summariseDocument((await getDocsDocument(entry)).spec);
  await writeSearchSummary(deps, entry.entry, sourceOf(entry), summary);
  return summary;
}

/**
 * Reads the catalog, the stored summaries and the guides (each one cached read) and builds the
 * index. An entry whose summary is missing or made from another document (published before
 * search existed, seeded, or given a new version in API Gateway) is summarised here, once; if
 * that fails, its older summary or its name alone serves until the next build.
 */
async function loadIndex(): Promise<SearchIndex> {
  const deps = catalogStoreDeps();
  const [entries, stored, guides] = await Promise.all([
    getDocsCatalog(),
    readSearchSummaries(deps),
    cachedGuides(),
  ]);
  const summaries = new Map<string, DocumentSummary>();
  await Promise.all(
    entries.map(async (entry) => {
      const found = stored.get(entry.entry);
      if (found?.source === sourceOf(entry)) {
        summaries.set(entry.entry, found.summary);
        return;
      }
      try {
        summaries.set(entry.entry, await summarise(deps, entry));
      } catch (error) {
        console.error(`[search] could not summarise ${entry.entry}`, error);
        if (found) summaries.set(entry.entry, found.summary);
      }
    }),
  );
  return buildSearchIndex(entries, summaries, readableGuides(guides, everyone));
}

/** The index this process answers from, rebuilt each cache period or after a change. */
function cachedSearchIndex(): Promise<SearchIndex> {
  return gatewayCache.get(cacheKey, gatewayCacheTtlMs(), loadIndex);
}

/** The version of the published content this runtime's index was built from. */
let builtFrom: string | undefined;

/**
 * The best matches among what this viewer may see; everything else is absent. When something
 * was published since this runtime built its index (here or elsewhere), the catalog and guides
 * it is built from are read again first.
 */
export async function search(query: string, viewer: AudienceViewer): Promise<SearchResult[]> {
  const version = await readSearchVersion(catalogStoreDeps());
  if (version !== builtFrom) {
    invalidateCatalogStore();
    forgetGuides();
    gatewayCache.invalidate(cacheKey);
    builtFrom = version;
  }
  return searchIndex(await cachedSearchIndex(), query, viewer);
}

/** After a change to what search finds: every runtime and instance rebuilds at its next query. */
export async function searchContentChanged(deps: CatalogStoreDeps): Promise<void> {
  gatewayCache.invalidate(cacheKey);
  await bumpSearchVersion(deps);
}

/**
 * When an entry is published or its settings saved: its document is summarised now, so the
 * first query after it does not wait for the export. A failure here does not undo the change;
 * the next build of the index tries again.
 */
export async function indexPublishedEntry(deps: CatalogStoreDeps, entryKey: string) {
  const entry = (await getAdminCatalog()).find((candidate) => candidate.entry === entryKey);
  if (entry?.published) await summarise(deps, entry).catch(logFailure(entryKey));
  await searchContentChanged(deps);
}

/** An uploaded spec is summarised from the document in hand: no second read. */
export async function indexUploadedSpec(
  deps: CatalogStoreDeps,
  header: SpecHeader,
  document: Record<string, unknown>,
) {
  const entry = genericEntryKey(header.id);
  await writeSearchSummary(
    deps,
    entry,
    `spec:${header.revision}`,
    summariseDocument(document),
  ).catch(logFailure(entry));
  await searchContentChanged(deps);
}

/** An unpublished or deleted entry's summary goes, with the index built from it. */
export async function unindexEntry(deps: CatalogStoreDeps, entryKey: string) {
  await deleteSearchSummary(deps, entryKey);
  await searchContentChanged(deps);
}

const logFailure = (entry: string) => (error: unknown) =>
  console.error(`[search] could not index ${entry}; the next index build retries`, error);
