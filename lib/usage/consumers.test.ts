import { describe, expect, it } from 'vitest';
import { consumers, nearQuota, type PlanReport } from './consumers';
import { usageReportSchema } from './usage-report';

const bronze = {
  id: 'p-bronze',
  name: 'Bronze',
  quota: { limit: 100, period: 'DAY' as const, offset: 0 },
};
const silver = { id: 'p-silver', name: 'Silver' };

const reports: PlanReport[] = [
  {
    plan: bronze,
    report: usageReportSchema.parse({
      usagePlanId: 'p-bronze',
      startDate: '2026-05-01',
      endDate: '2026-05-02',
      items: {
        'k-ann': [
          [10, 90],
          [85, 15],
        ],
        'k-bob': [
          [1, 99],
          [2, 98],
        ],
        'k-imported': [
          [0, 100],
          [90, 10],
        ],
      },
    }),
  },
  {
    plan: silver,
    report: usageReportSchema.parse({
      usagePlanId: 'p-silver',
      startDate: '2026-05-01',
      endDate: '2026-05-02',
      items: {
        'k-bob-new': [
          [200, 0],
          [0, 0],
        ],
      },
    }),
  },
];

const owners = {
  'k-ann': { customerId: 'sub-ann', name: 'portico-sub-ann' },
  'k-bob': { customerId: 'sub-bob', name: 'portico-sub-bob' },
  'k-bob-new': { customerId: 'sub-bob', name: 'portico-sub-bob' },
  'k-imported': { name: 'legacy' },
};

describe('admin usage', () => {
  it('ranks consumers by requests in the range, a customer’s keys and plans added up', () => {
    expect(consumers(reports, owners, '2026-05-01', '2026-05-02')).toEqual([
      {
        id: 'sub-bob',
        isCustomer: true,
        label: 'sub-bob',
        total: 203,
        byPlan: { 'p-bronze': 3, 'p-silver': 200 },
      },
      { id: 'sub-ann', isCustomer: true, label: 'sub-ann', total: 95, byPlan: { 'p-bronze': 95 } },
      {
        id: 'k-imported',
        isCustomer: false,
        label: 'legacy (k-imported)',
        total: 90,
        byPlan: { 'p-bronze': 90 },
      },
    ]);
    expect(
      consumers(reports, owners, '2026-05-02', '2026-05-02').map((c) => [c.id, c.total]),
    ).toEqual([
      ['k-imported', 90],
      ['sub-ann', 85],
      ['sub-bob', 2],
    ]);
  });

  it('flags keys at or above 80% of the current period, fullest first; plans without a quota never', () => {
    const flagged = nearQuota(reports, owners, Date.parse('2026-05-02T12:00:00Z'));
    expect(
      flagged.map((entry) => [
        entry.consumer.id,
        entry.plan.name,
        entry.gauge.used,
        entry.gauge.percent,
      ]),
    ).toEqual([
      ['k-imported', 'Bronze', 90, 90],
      ['sub-ann', 'Bronze', 85, 85],
    ]);
  });
});
