import 'server-only';
import { z } from 'zod';
import { audienceViewer } from '../audiences/viewer';
import { clientIp } from '../auth/client-ip';
import { RateLimiter, type Limiter } from '../auth/rate-limit';
import { currentUser } from '../auth/session';
import { search } from './search-service';
import type { SearchAnswer } from './search-result';

const searchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'Type something to search for.')
    .max(100, 'A search has at most 100 characters.'),
});

/*
 * The box asks once a typist pauses (about 150 ms), so a fast typist sends a few queries a
 * second; this leaves room for that and stops a script. Counted in DynamoDB like try-it's.
 */
const defaultLimiter = new RateLimiter({ name: 'search', limit: 60, windowMs: 10_000 });

const noStore = { 'cache-control': 'private, no-store' };

/**
 * `GET /api/search?q=…`: the best matches among what the caller may see (anonymous callers:
 * public items only). Answers are per person, so never cached by anyone in between.
 */
export async function answerSearch(
  request: Request,
  limiter: Limiter = defaultLimiter,
): Promise<Response> {
  const input = searchQuerySchema.safeParse({
    q: new URL(request.url).searchParams.get('q') ?? '',
  });
  if (!input.success)
    return Response.json(
      { message: input.error.issues[0]?.message },
      { status: 400, headers: noStore },
    );
  const user = await currentUser();
  const who = user ? `user:${user.sub}` : `ip:${clientIp((name) => request.headers.get(name))}`;
  if (!(await limiter.tryAttempt(who)))
    return Response.json(
      { message: 'Too many searches at once. Wait a few seconds and try again.' },
      { status: 429, headers: { ...noStore, 'retry-after': '10' } },
    );
  const answer: SearchAnswer = { results: await search(input.data.q, await audienceViewer()) };
  return Response.json(answer, { headers: noStore });
}
