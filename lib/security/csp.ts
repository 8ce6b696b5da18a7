import { createHash, randomBytes } from 'node:crypto';
import { themeScript } from '../../components/theme/theme';

/**
 * The Content-Security-Policy of every page. Scripts run only with this response's nonce (Next
 * puts it on its own scripts when it finds it in the request's policy) or, for the one static
 * inline script (the theme, which also runs in the static error page), its hash;
 * 'strict-dynamic' lets those scripts load the app's chunks. No 'unsafe-inline' for scripts.
 * Styles allow inline attributes: React and swagger-ui set style attributes, which cannot run
 * code. The browser talks to this origin only, and nobody may frame the portal.
 */
const themeHash = `'sha256-${createHash('sha256').update(themeScript).digest('base64')}'`;

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(
  nonce: string,
  options: { development?: boolean; https?: boolean } = {},
): string {
  const directives = [
    "default-src 'self'",
    // React's development build evaluates code for its debugging aids; production never does.
    `script-src 'self' 'nonce-${nonce}' ${themeHash} 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ''}`,
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
