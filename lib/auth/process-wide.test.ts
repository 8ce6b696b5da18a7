import { describe, expect, it } from 'vitest';
import { processWide } from './process-wide';

describe('processWide', () => {
  it('hands every caller in the process the same object, whichever module copy asks', () => {
    const first = processWide('test.shared', () => new Map<string, number>());
    first.set('a', 1);
    const second = processWide('test.shared', () => new Map<string, number>());
    expect(second).toBe(first);
    expect(second.get('a')).toBe(1);
    expect(processWide('test.other', () => new Map())).not.toBe(first);
  });
});
