import { randomBytes } from 'node:crypto';
import { themeScript } from '../../components/theme/theme';
import { policyWith, scriptHash } from './policy.mjs';

/**
 * The Content-Security-Policy of pages rendered per request: scripts run only with this
 * response's nonce (Next puts it on its own scripts when it finds it in the request's policy)
 * or, for the one static inline script (the theme, which also runs in the static error page),
 * its hash; 'strict-dynamic' lets those scripts load the app's chunks. Pages served from cache
 * carry the hash-based policy of ./static-csp-cache.mjs instead.
 */
const themeHash = scriptHash(themeScript);

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(
  nonce: string,
  options: { development?: boolean; https?: boolean } = {},
): string {
  return policyWith(["'self'", `'nonce-${nonce}'`, themeHash, "'strict-dynamic'"], options);
}
