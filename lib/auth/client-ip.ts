/**
 * The address a request came from, for rate limits. The right-most `x-forwarded-for` entry is
 * the one the nearest proxy (Next's own server, CloudFront) appended; entries to its left are
 * whatever the client sent and can be forged to dodge a per-IP limit.
 */
export function clientIp(header: (name: string) => string | null | undefined): string {
  const forwarded = header('x-forwarded-for')
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return forwarded?.at(-1) ?? header('x-real-ip')?.trim() ?? 'unknown';
}
