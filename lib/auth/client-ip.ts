import 'server-only';
import { config } from '../config';
import type { TrustedProxy } from '../config/load';
import { socketAddressHeader } from '../http/socket-address';

export type HeaderReader = (name: string) => string | null | undefined;

/**
 * The address a request came from, for rate limits. Forwarding headers are whatever the
 * client sent unless a proxy the operator named (PORTICO_TRUSTED_PROXY) sets them, so only
 * then are they read; otherwise the address of the connection itself is used.
 */
export function clientIp(
  header: HeaderReader,
  trust: TrustedProxy = config().trustedProxy,
): string {
  const address = trustedAddress(header, trust) ?? header(socketAddressHeader)?.trim();
  return address || 'unknown';
}

function trustedAddress(header: HeaderReader, trust: TrustedProxy): string | undefined {
  if (trust === 'cloudfront') {
    // CloudFront sets this itself ("203.0.113.7:46532", "2001:db8::1:46532"): drop the port.
    const viewer = header('cloudfront-viewer-address')?.trim();
    return viewer ? viewer.replace(/:\d+$/, '') : undefined;
  }
  if (trust === 'x-forwarded-for') {
    // The right-most entry is the one the trusted proxy appended; those to its left are the
    // client's own claims.
    return header('x-forwarded-for')
      ?.split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .at(-1);
  }
  return undefined;
}
