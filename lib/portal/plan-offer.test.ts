import { describe, expect, it } from 'vitest';
import { planOfferFor } from './plan-offer';

const plan = (id: string, approval: 'auto' | 'manual') => ({
  id,
  metadata: {
    order: 1,
    visibility: 'public' as const,
    approval,
    audience: { kind: 'public' as const },
  },
});
const viewer = { currentPlanIds: new Set(['bronze']), pendingPlanIds: new Set(['gold']) };

describe('what a plan card offers', () => {
  it.each([
    ['bronze', 'auto', undefined, 'sign-in'],
    ['bronze', 'auto', viewer, 'current'],
    ['gold', 'manual', viewer, 'pending'],
    ['platinum', 'manual', viewer, 'request-upgrade'],
    ['silver', 'auto', viewer, 'subscribe'],
  ] as const)('%s (%s) for %o is %s', (id, approval, who, expected) => {
    expect(planOfferFor(plan(id, approval), who)).toBe(expected);
  });
});
