import FileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js';
import { cachedPagePolicy } from './policy.mjs';

/**
 * Next's own file-system cache for prerendered and ISR pages, plus two rules.
 *
 * A page kept and served to many visitors cannot carry a per-request nonce, so its
 * Content-Security-Policy lists the hashes of the inline scripts in its own HTML (Next writes
 * its payload into inline scripts). Next sends an entry's stored headers with it, and the
 * headers of a fresh render are the object handed to `set`; proxy.ts sends no policy of its
 * own for these pages.
 *
 * A not-found answer is kept only in place of a page that was kept (an API or guide gone since
 * it was rendered, whose old copy would otherwise be served stale for ever): a 404 for a
 * made-up slug is rendered each time and never stored, or anyone could fill the cache (and
 * the disk) with entries by asking for addresses that do not exist.
 */
const Base = FileSystemCache.default ?? FileSystemCache;
const https = (process.env.NEXTAUTH_URL ?? '').startsWith('https:');

function withPolicy(value) {
  if (value?.kind !== 'APP_PAGE' || typeof value.html !== 'string') return;
  if (value.headers?.['content-security-policy']) return;
  value.headers = {
    ...value.headers,
    'content-security-policy': cachedPagePolicy(value.html, { https }),
  };
}

const isNotFound = (value) =>
  (value?.kind === 'APP_PAGE' || value?.kind === 'APP_ROUTE') && value.status === 404;

export default class StaticCspCache extends Base {
  async get(...args) {
    const entry = await super.get(...args);
    withPolicy(entry?.value);
    return entry;
  }

  async set(key, data, ctx) {
    withPolicy(data);
    if (isNotFound(data) && !(await super.get(key, { kind: data.kind }))) return;
    return super.set(key, data, ctx);
  }
}
