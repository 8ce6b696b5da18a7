import type { SearchAnswer, SearchResult } from '@/lib/search/search-result';

export type SearchOutcome = { ok: true; results: SearchResult[] } | { ok: false; message: string };

const unavailable = 'Search is unavailable right now. Try again in a moment.';

/** Asks the portal's search route; the answer holds only what this visitor may see. */
export async function requestSearch(query: string, signal: AbortSignal): Promise<SearchOutcome> {
  const response = await fetch(`/api/search?q=${encodeURIComponent(query)}`, {
    signal,
    headers: { accept: 'application/json' },
  });
  const body = (await response.json().catch(() => ({}))) as Partial<SearchAnswer> & {
    message?: string;
  };
  if (!response.ok || !Array.isArray(body.results))
    return { ok: false, message: body.message ?? unavailable };
  return { ok: true, results: body.results };
}
