/**
 * The try-it proxy's limits, the same as API Gateway's own console and data plane: a request
 * body of 1 MB (the console's), the integration timeout of 29 s, a 6 MB answer (Lambda's
 * payload limit, the largest a typical API returns) and 5 calls per second per person, so the
 * portal cannot be used to hammer an API with someone else's quota.
 */
export const tryItLimits = {
  maxRequestBodyBytes: 1024 * 1024,
  timeoutMs: 29_000,
  maxResponseBodyBytes: 6 * 1024 * 1024,
  requestsPerSecond: 5,
  /** Path plus query string; API Gateway refuses longer request lines anyway. */
  maxUrlLength: 8192,
} as const;

export type TryItLimits = { -readonly [K in keyof typeof tryItLimits]: number };

/** "1 MB", "6 MB", "512 KB": limits as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}
