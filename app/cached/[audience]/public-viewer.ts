import 'server-only';
import { notFound } from 'next/navigation';
import { anonymousViewer, type AudienceViewer } from '@/lib/audiences/audience';

export type CachedParams = Promise<{ audience: string }>;

/** The only cached audience is the public: anyone else's pages are rendered per request. */
export async function publicViewer(params: CachedParams): Promise<AudienceViewer> {
  if ((await params).audience !== 'public') notFound();
  return anonymousViewer;
}
