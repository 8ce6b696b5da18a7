import { canSee, type AudienceViewer } from '../audiences/audience';
import { searchWords } from '../gateway/catalog-search';
import type { SearchIndex } from './search-index';
import type { SearchResult } from './search-result';

/** A box shows a screenful; the rest is a sign the query should be sharper. */
export const maxResults = 20;

const isWordStart = (text: string, at: number) => at === 0 || !/[\p{L}\p{N}]/u.test(text[at - 1]!);

/**
 * How well an item matches every word, or undefined when one word is missing from it. A word
 * counts most at the start of a word of the title (or another name), less inside it, least
 * elsewhere;
 * the whole query as the title, or its start, counts more still.
 */
function score(item: SearchIndex['items'][number], words: string[], phrase: string) {
  let total = 0;
  for (const word of words) {
    const at = item.names.indexOf(word);
    if (at >= 0) total += isWordStart(item.names, at) ? 8 : 4;
    else if (item.text.includes(word)) total += 1;
    else return undefined;
  }
  if (item.title === phrase) total += 40;
  else if (item.title.startsWith(phrase)) total += 16;
  return total;
}

type Match = { item: SearchIndex['items'][number]; score: number };

/** Higher scores first; then heavier kinds, shorter titles, and titles in order. */
const ranksBefore = (a: Match, b: Match) =>
  a.score !== b.score
    ? a.score > b.score
    : a.item.weight !== b.item.weight
      ? a.item.weight > b.item.weight
      : a.item.title.length !== b.item.title.length
        ? a.item.title.length < b.item.title.length
        : a.item.title < b.item.title;

/**
 * The best matches for a query among what this viewer may see. Items outside the viewer's
 * audiences are skipped before they are matched, so nothing about them reaches the answer.
 * Only the best `limit` are kept as it goes: a one-letter query matches nearly everything,
 * and sorting all of it would cost more than the matching.
 */
export function searchIndex(
  index: SearchIndex,
  query: string,
  viewer: AudienceViewer,
  limit = maxResults,
): SearchResult[] {
  const words = searchWords(query);
  if (words.length === 0 || limit < 1) return [];
  const phrase = words.join(' ');
  const best: Match[] = [];
  for (const item of index.items) {
    if (!canSee(item.audience, viewer)) continue;
    const found = score(item, words, phrase);
    if (found === undefined) continue;
    const match = { item, score: found };
    if (best.length === limit && !ranksBefore(match, best[limit - 1]!)) continue;
    let at = best.length === limit ? limit - 1 : best.length;
    while (at > 0 && ranksBefore(match, best[at - 1]!)) at -= 1;
    best.splice(at, best.length === limit ? 1 : 0, match);
  }
  return best.map(({ item }) => item.result);
}
