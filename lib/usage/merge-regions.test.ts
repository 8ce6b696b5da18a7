import { describe, expect, it } from 'vitest';
import { mergeRegionUsage } from './merge-regions';

describe('mergeRegionUsage', () => {
  it('is the home usage alone when the plan spans no other Region', () => {
    const home = { k1: [[3, 997]] };
    expect(mergeRegionUsage(home, [])).toEqual(home);
  });

  it("adds a copy's requests to its home key's, day by day, keeping the smallest remaining", () => {
    const merged = mergeRegionUsage(
      {
        k1: [
          [3, 997],
          [0, 1000],
        ],
        k2: [
          [1, 999],
          [0, 1000],
        ],
      },
      [
        {
          items: {
            c1: [
              [5, 995],
              [2, 998],
            ],
          },
          homeKeyOf: (id) => (id === 'c1' ? 'k1' : undefined),
        },
      ],
    );
    expect(merged).toEqual({
      k1: [
        [8, 995],
        [2, 998],
      ],
      k2: [
        [1, 999],
        [0, 1000],
      ],
    });
  });

  it('keeps usage of a key only the other Region has, under its own id or its home key', () => {
    const merged = mergeRegionUsage({}, [
      {
        items: { c1: [[4, 996]], stranger: [[1, 9]] },
        homeKeyOf: (id) => (id === 'c1' ? 'k1' : undefined),
      },
    ]);
    expect(merged).toEqual({ k1: [[4, 996]], stranger: [[1, 9]] });
  });
});
