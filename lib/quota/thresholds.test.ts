import { describe, expect, it } from 'vitest';
import { thresholdsToAnnounce } from './thresholds';

describe('quota alert thresholds', () => {
  it('announces each threshold once per period', () => {
    expect(thresholdsToAnnounce([80, 100], 79.9, [])).toEqual({ settle: [] });
    expect(thresholdsToAnnounce([80, 100], 80, [])).toEqual({ announce: 80, settle: [80] });
    expect(thresholdsToAnnounce([80, 100], 95, [80])).toEqual({ settle: [] });
    expect(thresholdsToAnnounce([80, 100], 100, [80])).toEqual({ announce: 100, settle: [100] });
    expect(thresholdsToAnnounce([80, 100], 100, [80, 100])).toEqual({ settle: [] });
  });

  it('announces only the highest when usage jumps past several', () => {
    expect(thresholdsToAnnounce([50, 80, 100], 100, [])).toEqual({
      announce: 100,
      settle: [50, 80, 100],
    });
  });
});
