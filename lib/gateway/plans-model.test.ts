import { anonymousViewer } from '../audiences/audience';
import { describe, expect, it } from 'vitest';
import { gatewayEntry } from '../testing/catalog-entries';
import { visiblePlans } from './plans-model';

const weather = gatewayEntry({
  name: 'Weather',
  restApiId: 'w1',
  plans: [{ id: 'gold', name: 'Gold', audience: { kind: 'public' } }],
});

describe('visiblePlans', () => {
  it('orders by the order tag, hides hidden plans and lists covered APIs', () => {
    const plans = visiblePlans(
      [
        {
          id: 'gold',
          name: 'Gold',
          apiStages: [],
          tags: { 'portico:order': '3', 'portico:approval': 'manual' },
        },
        {
          id: 'internal',
          name: 'Internal',
          apiStages: [],
          tags: { 'portico:visibility': 'hidden' },
        },
        {
          id: 'bronze',
          name: 'Bronze',
          apiStages: [],
          tags: { 'portico:order': '1' },
          quota: { limit: 10, period: 'DAY' },
        },
      ],
      [weather],
      anonymousViewer,
    );
    expect(plans.map((plan) => plan.id)).toEqual(['bronze', 'gold']);
    expect(plans[1]?.metadata.approval).toBe('manual');
    expect(plans[1]?.apis).toEqual([{ name: 'Weather', slug: 'weather' }]);
    expect(plans[0]?.apis).toEqual([]);
  });

  it('treats untagged plans as public, auto-approved and last', () => {
    const [plan] = visiblePlans(
      [{ id: 'p', name: 'Plain', apiStages: [], tags: {} }],
      [],
      anonymousViewer,
    );
    expect(plan?.metadata).toEqual({
      order: 1000,
      visibility: 'public',
      approval: 'auto',
      audience: { kind: 'public' },
    });
  });
});
