import { describe, expect, it } from 'vitest';
import { portalPlans } from './plan-links';
import type { GatewayPlan } from './types';

const plan = (id: string, name: string, apiId: string, gateway?: string): GatewayPlan => ({
  id,
  name,
  apiStages: [{ apiId, stage: 'prod' }],
  tags: {},
  ...(gateway ? { gateway } : {}),
});

describe('portalPlans', () => {
  it('leaves a single-Region installation exactly as recorded', () => {
    const records = [plan('b', 'Bronze', 'w'), plan('s', 'Silver', 'w')];
    expect(portalPlans(records)).toEqual(records);
  });

  it("extends a home plan by its namesakes in other gateways, by the home plan's id", () => {
    const plans = portalPlans([
      plan('b', 'Bronze', 'weather'),
      plan('g', 'Gold', 'weather'),
      plan('eb', 'Bronze', 'geo', 'eu-west-1'),
      plan('ab', 'Bronze', 'maps', '123456789012/ap-south-1'),
    ]);
    expect(plans.map((each) => each.id)).toEqual(['b', 'g']);
    expect(plans[0]?.apiStages.map((stage) => stage.apiId)).toEqual(['weather', 'maps', 'geo']);
    expect(plans[0]?.linked).toEqual([
      { gateway: '123456789012/ap-south-1', id: 'ab' },
      { gateway: 'eu-west-1', id: 'eb' },
    ]);
    expect(plans[1]?.linked).toBeUndefined();
  });

  it('offers no plan of another gateway without exactly one namesake at home', () => {
    const plans = portalPlans([
      plan('b1', 'Bronze', 'weather'),
      plan('b2', 'Bronze', 'payments'),
      plan('eb', 'Bronze', 'geo', 'eu-west-1'),
      plan('ep', 'Platinum', 'geo', 'eu-west-1'),
    ]);
    expect(plans.map((each) => [each.id, each.apiStages.length, each.linked])).toEqual([
      ['b1', 1, undefined],
      ['b2', 1, undefined],
    ]);
  });
});
