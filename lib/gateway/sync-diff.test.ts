import { describe, expect, it } from 'vitest';
import { changedFields, freshKeyRecord } from './sync-diff';

const key = { id: 'k1', name: 'portico-a', customerId: 'a', enabled: true, tags: { x: '1' } };

describe('changedFields', () => {
  it('names what differs, ignoring when a record was written and the order of tags', () => {
    const recorded = freshKeyRecord({ ...key, tags: { x: '1', y: '2' } }, ['p2', 'p1'], 1);
    const same = freshKeyRecord({ ...key, tags: { y: '2', x: '1' } }, ['p1', 'p2'], 2);
    expect(changedFields(recorded, same)).toEqual([]);
    const drifted = freshKeyRecord({ ...key, enabled: false, tags: { y: '2', x: '1' } }, ['p1'], 3);
    expect(changedFields(recorded, drifted)).toEqual(['enabled', 'planIds']);
  });

  it('notices a field that appeared or went away', () => {
    const recorded = freshKeyRecord(key, [], 1);
    const { customerId: _gone, ...unowned } = key;
    expect(changedFields(recorded, freshKeyRecord(unowned, [], 1))).toEqual(['customerId']);
  });

  it('has nothing to compare for a key it has never recorded', () => {
    expect(changedFields(undefined, freshKeyRecord(key, [], 1))).toEqual([]);
  });
});
