import { describe, expect, it } from 'vitest';
import { accessOf } from './access-model';

describe('accessOf', () => {
  it('tells subscribers of a plan covering the API from everyone else', () => {
    expect(accessOf(undefined, ['bronze'])).toBe('signed-out');
    expect(accessOf({ currentPlanIds: new Set(['silver']) }, ['bronze', 'silver'])).toBe(
      'subscriber',
    );
    expect(accessOf({ currentPlanIds: new Set(['other']) }, ['bronze'])).toBe('signed-in');
  });
});
