import { describe, expect, it } from 'vitest';
import { planThresholdsInput, thresholdsSchema } from './quota-thresholds';

const message = (text: string) => thresholdsSchema.safeParse(text).error?.issues[0]?.message;

describe('quota alert thresholds as an admin types them', () => {
  it('reads a list separated by commas or spaces, sorted', () => {
    expect(thresholdsSchema.parse(' 100, 80 50 ')).toEqual([50, 80, 100]);
    expect(thresholdsSchema.parse('1,100')).toEqual([1, 100]);
  });

  it('says clearly what is wrong', () => {
    expect(message('')).toBe('Give at least one percentage, like 80, 100.');
    expect(message('80, lots')).toBe('Thresholds are whole percentages, like 80, 100.');
    expect(message('80.5')).toBe('Thresholds are whole percentages, like 80, 100.');
    expect(message('0')).toBe('Thresholds run from 1 to 100.');
    expect(message('150')).toBe('Thresholds run from 1 to 100.');
    expect(message('10 20 30 40 50 60')).toBe('Five thresholds at most.');
    expect(message('80, 100, 80')).toBe('Give each threshold once: 80 is there twice.');
  });

  it('names the field the error belongs to, next to a valid plan id', () => {
    const result = planThresholdsInput.safeParse({ planId: 'abc123', thresholds: '101' });
    expect(result.error?.issues[0]?.path[0]).toBe('thresholds');
    expect(planThresholdsInput.safeParse({ planId: '../x', thresholds: '80' }).success).toBe(false);
  });
});
