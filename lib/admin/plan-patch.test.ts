import { describe, expect, it } from 'vitest';
import { planFormSchema } from '../validation/plan-form';
import { planPatch } from './plan-patch';

const form = (fields: Record<string, string>) =>
  planFormSchema.parse({ order: '10', visibility: 'public', approval: 'auto', ...fields });

const bronze = {
  name: 'Bronze',
  description: 'Starter',
  throttle: { rateLimit: 5, burstLimit: 10 },
  quota: { limit: 1000, period: 'DAY' as const, offset: 0 },
};

describe('planPatch', () => {
  it('sends nothing for an unchanged plan', () => {
    const same = form({
      name: 'Bronze',
      description: 'Starter',
      rateLimit: '5',
      burstLimit: '10',
      quotaLimit: '1000',
      quotaPeriod: 'DAY',
    });
    expect(planPatch(bronze, same)).toEqual([]);
  });

  it('replaces only what changed and removes limits left empty', () => {
    const changed = form({
      name: 'Bronze',
      description: 'Starter',
      rateLimit: '8',
      burstLimit: '10',
    });
    expect(planPatch(bronze, changed)).toEqual([
      { op: 'replace', path: '/throttle/rateLimit', value: '8' },
      { op: 'remove', path: '/quota' },
    ]);
  });

  it('adds limits to a plan without any', () => {
    const added = form({ name: 'New', rateLimit: '2.5', quotaLimit: '50', quotaPeriod: 'WEEK' });
    expect(planPatch({ name: 'New' }, added)).toEqual([
      { op: 'replace', path: '/throttle/rateLimit', value: '2.5' },
      { op: 'replace', path: '/throttle/burstLimit', value: '3' },
      { op: 'replace', path: '/quota/limit', value: '50' },
      { op: 'replace', path: '/quota/period', value: 'WEEK' },
    ]);
  });
});

describe('planFormSchema', () => {
  it('refuses negative rates, a burst without a rate and unknown visibility', () => {
    expect(
      planFormSchema.safeParse({
        name: 'x',
        order: '1',
        visibility: 'public',
        approval: 'auto',
        rateLimit: '-1',
      }).success,
    ).toBe(false);
    expect(
      planFormSchema.safeParse({
        name: 'x',
        order: '1',
        visibility: 'public',
        approval: 'auto',
        burstLimit: '5',
      }).success,
    ).toBe(false);
    expect(
      planFormSchema.safeParse({ name: 'x', order: '1', visibility: 'secret', approval: 'auto' })
        .success,
    ).toBe(false);
  });
});
