import type { CachedFile, IncrementalCache } from '@opennextjs/aws/types/overrides.js';
import s3Lite from '@opennextjs/aws/overrides/incrementalCache/s3-lite.js';
import { cachedPagePolicy } from '../lib/security/policy.mjs';

const https = (process.env.NEXTAUTH_URL ?? '').startsWith('https:');

/**
 * A kept page is served to many visitors, so it cannot carry a per-request nonce: its policy
 * lists the hashes of its own inline scripts (as lib/security/static-csp-cache.mjs does for
 * `next start`, whose cache handler OpenNext replaces). OpenNext hands Next's own headers
 * object to `set`, so the header added there also goes out with the first render.
 */
function withPolicy(value: object | null | undefined): void {
  const page = value as CachedFile | null | undefined;
  if (page?.type !== 'app' || typeof page.html !== 'string') return;
  const meta = (page.meta ??= {});
  const headers = (meta.headers ??= {});
  headers['content-security-policy'] ??= cachedPagePolicy(page.html, { https });
}

/**
 * A not-found answer is stored only in place of a kept page (an API or guide gone since): a
 * 404 for a made-up slug would otherwise add an S3 object per address anyone asks for.
 */
function isNotFound(value: object | null | undefined): boolean {
  const file = value as CachedFile | null | undefined;
  return (file?.type === 'app' || file?.type === 'route') && file.meta?.status === 404;
}

/**
 * OpenNext's S3 incremental cache, with the policy of each kept page in its headers, and
 * without made-up addresses' 404s (as lib/security/static-csp-cache.mjs).
 */
const incrementalCache: IncrementalCache = {
  name: 's3-lite-with-policy',
  async get(key, cacheType) {
    const entry = await s3Lite.get(key, cacheType);
    withPolicy(entry?.value);
    return entry;
  },
  async set(key, value, cacheType) {
    withPolicy(value);
    if (isNotFound(value) && !(await s3Lite.get(key, cacheType))?.value) return;
    return s3Lite.set(key, value, cacheType);
  },
  delete: (key) => s3Lite.delete(key),
};

export default incrementalCache;
