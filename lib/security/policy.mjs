import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy of every page, given what lets its scripts run. Plain JavaScript
 * because the cache handler (./static-csp-cache.mjs) loads it outside Next's bundler; proxy.ts
 * uses it through ./csp.ts. No 'unsafe-inline' for scripts. Styles allow inline attributes:
 * React and swagger-ui set style attributes, which cannot run code. The browser talks to this
 * origin only, and nobody may frame the portal.
 *
 * @param {string[]} scriptSources
 * @param {{ development?: boolean; https?: boolean }} [options]
 * @returns {string}
 */
export function policyWith(scriptSources, options = {}) {
  const directives = [
    "default-src 'self'",
    // React's development build evaluates code for its debugging aids; production never does.
    `script-src ${[...scriptSources, ...(options.development ? ["'unsafe-eval'"] : [])].join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/**
 * `'sha256-…'` of `text`, as a browser hashes an inline script's source.
 *
 * @param {string} text
 * @returns {string}
 */
export function scriptHash(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

const inlineScript = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/**
 * The policy of a page rendered once and served to many (no per-request nonce): each inline
 * script of this very HTML by its hash, and this origin's script files ('self'; without
 * 'strict-dynamic', which would ignore 'self' and block Next's parser-inserted chunks).
 *
 * @param {string} html
 * @param {{ https?: boolean }} [options]
 * @returns {string}
 */
export function cachedPagePolicy(html, options = {}) {
  const hashes = new Set(Array.from(html.matchAll(inlineScript), (match) => scriptHash(match[1])));
  return policyWith(["'self'", ...hashes], options);
}
