import { z } from 'zod';
import type { CatalogEntry } from './catalog-model';

const filterText = z.string().trim().max(100).catch('').default('');

/** The catalog page's query string: `?q=weather&plan=Gold&tag=Maps`. Malformed means unset. */
export const catalogQuerySchema = z.object({ q: filterText, plan: filterText, tag: filterText });

export type CatalogQuery = z.infer<typeof catalogQuerySchema>;

/** Case- and accent-insensitive match of every word against name, description, tags, plans. */
export function searchCatalog<T extends CatalogEntry>(apis: T[], query: CatalogQuery): T[] {
  const words = searchWords(query.q);
  return apis.filter((api) => {
    if (query.plan && !api.plans.some((plan) => plan.name === query.plan)) return false;
    if (query.tag && !api.tags.includes(query.tag)) return false;
    const haystack = foldText(
      [
        api.name,
        api.description ?? '',
        api.kind === 'gateway' ? api.stage : '',
        ...api.tags,
        ...api.plans.map((p) => p.name),
      ].join(' '),
    );
    return words.every((word) => haystack.includes(word));
  });
}

/** Every plan name in the catalog, for the filter, in first-seen (display) order. */
export function catalogPlanNames(apis: CatalogEntry[]): string[] {
  return [...new Set(apis.flatMap((api) => api.plans.map((plan) => plan.name)))];
}

/** Every tag in the catalog, for the filter, alphabetically. */
export function catalogTagNames(apis: CatalogEntry[]): string[] {
  return [...new Set(apis.flatMap((api) => api.tags))].sort((a, b) => a.localeCompare(b));
}

/** The words a query must all match, folded like the text they are looked for in. */
export function searchWords(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean);
}

/** Lowercase without accents: how both the catalog filter and site search compare text. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
