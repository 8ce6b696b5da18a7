import type { Audience } from '../audiences/audience';
import type { CatalogEntry } from '../gateway/catalog-model';
import { foldText } from '../gateway/catalog-search';
import { operationAnchor } from '../gateway/operations';
import type { PublishedGuide } from '../guides/guide';
import type { DocumentSummary } from './document-summary';
import type { SearchResult } from './search-result';

/** One thing search can find, with what it is matched on already folded. */
interface IndexedItem {
  result: SearchResult;
  audience: Audience;
  /** The folded title: matches there rank first. */
  title: string;
  /** The folded title and other names (an operation's id): words found here rank high. */
  names: string;
  /** Everything the item is found by, title included, folded. */
  text: string;
  /** Breaks ties between equal matches: an API before its operations, those before schemas. */
  weight: number;
}

export interface SearchIndex {
  items: IndexedItem[];
}

/** What a result line shows of Markdown: its words, on one line. */
function plainLine(markdown: string | undefined, length = 160): string | undefined {
  const text = (markdown ?? '')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`|~-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return undefined;
  return text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
}

const item = (
  result: SearchResult,
  audience: Audience,
  weight: number,
  alias: string | undefined,
  ...extra: (string | undefined)[]
): IndexedItem => ({
  result,
  audience,
  weight,
  title: foldText(result.title),
  names: foldText([result.title, alias].filter(Boolean).join(' ')),
  text: foldText([result.title, alias, result.detail, ...extra].filter(Boolean).join(' ')),
});

/**
 * The index of everything published: each catalog entry, its operations and schemas (from its
 * stored document summary, when there is one) and each published guide, each carrying the
 * audience that decides who may find it.
 */
export function buildSearchIndex(
  entries: CatalogEntry[],
  summaries: ReadonlyMap<string, DocumentSummary>,
  guides: PublishedGuide[],
): SearchIndex {
  const items: IndexedItem[] = [];
  for (const api of entries) {
    const href = `/apis/${api.slug}`;
    items.push(
      item(
        { kind: 'api', title: api.name, detail: plainLine(api.description), href },
        api.audience,
        4,
        api.sourceName,
        ...api.tags,
      ),
    );
    const summary = summaries.get(api.entry);
    for (const operation of summary?.operations ?? [])
      items.push(
        item(
          {
            kind: 'operation',
            title: `${operation.method} ${operation.path}`,
            detail: operation.summary,
            context: api.name,
            href: `${href}#${operationAnchor(operation)}`,
          },
          api.audience,
          2,
          operation.operationId,
          operation.tag,
          api.name,
        ),
      );
    for (const schema of summary?.schemas ?? [])
      items.push(
        item(
          {
            kind: 'schema',
            title: schema.name,
            detail: plainLine(schema.description),
            context: api.name,
            // Schemas have no anchor of their own: swagger-ui lists them in the reference.
            href: `${href}#reference`,
          },
          api.audience,
          1,
          undefined,
          api.name,
        ),
      );
  }
  for (const guide of guides)
    items.push(
      item(
        {
          kind: 'guide',
          title: guide.title,
          detail: plainLine(guide.body),
          href: `/guides/${guide.slug}`,
        },
        guide.audience,
        3,
        undefined,
        guide.body,
      ),
    );
  return { items };
}
