/**
 * When a session's Cognito tokens are renewed. Cognito access tokens last between 5 minutes and
 * a day (one hour by default).
 */

/** Renew this long before the access token expires, so a request never carries a dead one. */
export const refreshMarginMs = 2 * 60_000;

export function accessTokenNeedsRefresh(expiresAtMs: number, nowMs: number): boolean {
  return nowMs >= expiresAtMs - refreshMarginMs;
}
