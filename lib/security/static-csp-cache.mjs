import FileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js';
import { cachedPagePolicy } from './policy.mjs';

/**
 * Next's own file-system cache for prerendered and ISR pages, plus one header: a page kept and
 * served to many visitors cannot carry a per-request nonce, so its Content-Security-Policy
 * lists the hashes of the inline scripts in its own HTML (Next writes its payload into inline
 * scripts). Next sends an entry's stored headers with it; proxy.ts sends no policy of its own
 * for these pages (see `servedFromCache` there).
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

export default class StaticCspCache extends Base {
  async get(...args) {
    const entry = await super.get(...args);
    withPolicy(entry?.value);
    return entry;
  }

  async set(key, data, ctx) {
    withPolicy(data);
    return super.set(key, data, ctx);
  }
}
