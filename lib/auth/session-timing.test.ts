import { describe, expect, it } from 'vitest';
import { accessTokenNeedsRefresh, refreshMarginMs } from './session-timing';

const expiresAt = Date.parse('2025-06-01T12:00:00Z');

describe('accessTokenNeedsRefresh', () => {
  it('keeps a token with more than the margin left', () => {
    expect(accessTokenNeedsRefresh(expiresAt, expiresAt - refreshMarginMs - 1)).toBe(false);
    expect(accessTokenNeedsRefresh(expiresAt, expiresAt - 60 * 60_000)).toBe(false);
  });

  it('renews from the margin before expiry onwards, and after expiry', () => {
    expect(refreshMarginMs).toBe(120_000);
    expect(accessTokenNeedsRefresh(expiresAt, expiresAt - refreshMarginMs)).toBe(true);
    expect(accessTokenNeedsRefresh(expiresAt, expiresAt)).toBe(true);
    expect(accessTokenNeedsRefresh(expiresAt, expiresAt + 86_400_000)).toBe(true);
  });
});
