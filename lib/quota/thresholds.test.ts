import { describe, expect, it } from 'vitest';
import { thresholdsSchema, thresholdsToAnnounce } from './thresholds';

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

  it('reads an admin list, sorted and without repeats, with clear errors', () => {
    expect(thresholdsSchema.parse('100, 80 80')).toEqual([80, 100]);
    const message = (text: string) => thresholdsSchema.safeParse(text).error?.issues[0]?.message;
    expect(message('')).toBe('Give at least one percentage, like 80, 100.');
    expect(message('80, lots')).toBe('Thresholds are whole percentages, like 80, 100.');
    expect(message('80.5')).toBe('Thresholds are whole percentages, like 80, 100.');
    expect(message('0')).toBe('Thresholds run from 1 to 100.');
    expect(message('150')).toBe('Thresholds run from 1 to 100.');
    expect(message('10 20 30 40 50 60')).toBe('Five thresholds at most.');
  });
});
