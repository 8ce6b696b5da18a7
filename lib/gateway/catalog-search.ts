import { z } from 'zod';
import type { CatalogApi } from './catalog-model';

/** The catalog page's query string: `?q=weather&plan=Gold`. Anything malformed is ignored. */
export const catalogQuerySchema = z.object({
  q: z.string().trim().max(100).catch('').default(''),
  plan: z.string().trim().max(100).catch('').default(''),
});

export type CatalogQuery = z.infer<typeof catalogQuerySchema>;

/** Case- and accent-insensitive match of every word against name, description and plans. */
export function searchCatalog(apis: CatalogApi[], query: CatalogQuery): CatalogApi[] {
  const words = fold(query.q).split(/\s+/).filter(Boolean);
  return apis.filter((api) => {
    if (query.plan && !api.plans.some((plan) => plan.name === query.plan)) return false;
    const haystack = fold(
      [api.name, api.description ?? '', api.stage, ...api.plans.map((p) => p.name)].join(' '),
    );
    return words.every((word) => haystack.includes(word));
  });
}

/** Every plan name in the catalog, for the filter, in first-seen (display) order. */
export function catalogPlanNames(apis: CatalogApi[]): string[] {
  return [...new Set(apis.flatMap((api) => api.plans.map((plan) => plan.name)))];
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
