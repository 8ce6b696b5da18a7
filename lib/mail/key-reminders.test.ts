import { describe, expect, it } from 'vitest';
import { keyTagNames } from '../gateway/customer-keys';
import type { KeyRecord } from '../store/read-model-keys';
import { dueKeys } from './key-reminders';

const day = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 11, 2);
const key = (
  id: string,
  customerId: string | undefined,
  ageDays: number,
  extra = {},
): KeyRecord => ({
  id,
  name: `key-${id}`,
  customerId,
  enabled: true,
  createdAt: now - ageDays * day,
  tags: {},
  planIds: [],
  recordedAt: now,
  ...extra,
});

describe('keys due a rotation reminder', () => {
  it("takes each customer's active key once it is over 90 days old", () => {
    const due = dueKeys(
      [
        key('old', 'a', 91),
        key('young', 'b', 89),
        key('edge', 'c', 90),
        key('nobody', undefined, 400),
      ],
      now,
    );
    expect(due.map((entry) => entry.id)).toEqual(['old']);
  });

  it('ignores rotated-out and disabled keys, judging the key the customer calls with', () => {
    const rotating = { tags: { [keyTagNames.disableAfter]: String(now + day) } };
    expect(
      dueKeys([key('previous', 'a', 200, rotating), key('fresh', 'a', 1)], now).map((k) => k.id),
    ).toEqual([]);
    expect(dueKeys([key('off', 'a', 200, { enabled: false })], now)).toEqual([]);
    expect(dueKeys([key('older', 'a', 300), key('newer', 'a', 120)], now).map((k) => k.id)).toEqual(
      ['newer'],
    );
  });
});
