/** Next's `searchParams` as pages and route handlers receive them. */
export type SearchParams = Record<string, string | string[] | undefined>;

export function searchParamsOf(url: URL): SearchParams {
  const params: SearchParams = {};
  for (const key of new Set(url.searchParams.keys())) params[key] = url.searchParams.getAll(key);
  return params;
}

/** The query string that shows the same range again (for CSV links and per-customer links). */
export function rangeQuery(range: { preset: string; start: string; end: string }): string {
  const query = new URLSearchParams({ range: range.preset });
  if (range.preset === 'custom') {
    query.set('from', range.start);
    query.set('to', range.end);
  }
  return query.toString();
}
