import { describe, expect, it } from 'vitest';
import { consumersCsv, seriesCsv } from './csv';
import { dailySeries } from './series';
import { usageReportSchema } from './usage-report';

describe('usage CSV', () => {
  it('labels dates as UTC and gives one column per plan and a total', () => {
    const report = usageReportSchema.parse({
      usagePlanId: 'p1',
      startDate: '2026-05-01',
      endDate: '2026-05-02',
      items: {
        k: [
          [3, 7],
          [0, 7],
        ],
      },
    });
    const series = dailySeries(
      [{ plan: { id: 'p1', name: 'Gold, "partners"' }, report }],
      '2026-05-01',
      '2026-05-02',
    );
    expect(seriesCsv(series)).toBe(
      'date (UTC),"Gold, ""partners"" requests",total requests\r\n2026-05-01,3,3\r\n2026-05-02,0,0\r\n',
    );
  });

  it('lists consumers with the range in UTC on every row', () => {
    const csv = consumersCsv(
      [
        { id: 'sub-1', isCustomer: true, label: 'sub-1', total: 5, byPlan: { p1: 5 } },
        { id: 'k-9', isCustomer: false, label: 'k-9', total: 1, byPlan: { p2: 1 } },
      ],
      [
        { id: 'p1', name: 'Bronze' },
        { id: 'p2', name: 'Silver' },
      ],
      { start: '2026-05-01', end: '2026-05-07' },
    );
    expect(csv).toBe(
      'from (UTC),to (UTC),customer id,kind,Bronze requests,Silver requests,total requests\r\n' +
        '2026-05-01,2026-05-07,sub-1,customer,5,0,5\r\n' +
        '2026-05-01,2026-05-07,k-9,key without customer,0,1,1\r\n',
    );
  });

  it('neutralises plan names and customer ids a spreadsheet would run as formulas', () => {
    const csv = consumersCsv(
      [{ id: '=HYPERLINK("http://evil")', isCustomer: false, label: 'x', total: 1, byPlan: {} }],
      [{ id: 'p1', name: '@SUM(A1)' }],
      { start: '2026-05-01', end: '2026-05-07' },
    );
    expect(csv).toBe(
      "from (UTC),to (UTC),customer id,kind,'@SUM(A1) requests,total requests\r\n" +
        `2026-05-01,2026-05-07,"'=HYPERLINK(""http://evil"")",key without customer,0,1\r\n`,
    );
  });
});
