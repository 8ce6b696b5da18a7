/**
 * When a session's Cognito tokens are renewed and its account re-checked. Cognito access tokens
 * last between 5 minutes and a day (one hour by default).
 */

/** Renew this long before the access token expires, so a request never carries a dead one. */
export const refreshMarginMs = 2 * 60_000;

/**
 * How often a live session re-reads its account (AdminGetUser): a disabled or deleted account
 * loses its session within this time, even against cognito-local, which ignores `Enabled`.
 */
export const statusCheckIntervalMs = 5 * 60_000;

export function accessTokenNeedsRefresh(expiresAtMs: number, nowMs: number): boolean {
  return nowMs >= expiresAtMs - refreshMarginMs;
}

export function statusCheckDue(checkedAtMs: number | undefined, nowMs: number): boolean {
  return (
    checkedAtMs === undefined || nowMs - checkedAtMs >= statusCheckIntervalMs || nowMs < checkedAtMs
  );
}
