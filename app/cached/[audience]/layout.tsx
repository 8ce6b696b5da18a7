import type { ReactNode } from 'react';

/**
 * What anonymous visitors get: proxy.ts rewrites their plain GETs of /apis, /apis/{slug},
 * /plans, /guides, /guides/{slug} and /llms.txt here. Only `public` exists, so these pages
 * hold public content only; signed-in visitors get the per-visitor routes (their audiences,
 * their plan). Nothing is rendered at build time (the data lives in the local stack or AWS, not
 * in the build): a page renders on its first visit, is kept, and is rendered again after an
 * admin change or a sync touches it (lib/admin/revalidation.ts) or after the TTL. Next sends
 * `s-maxage` with it, so CloudFront can answer anonymous visitors.
 */
export const revalidate = 300;
// cookies() and headers() read as empty here: a cached page can never depend on a visitor.
export const dynamic = 'force-static';

export function generateStaticParams(): { audience: string }[] {
  return [];
}

export default function CachedLayout({ children }: { children: ReactNode }) {
  return children;
}
