import { answerSearch } from '@/lib/search/search-request';

export const dynamic = 'force-dynamic';

/** `GET /api/search?q=…`: the header's search box. */
export function GET(request: Request) {
  return answerSearch(request);
}
