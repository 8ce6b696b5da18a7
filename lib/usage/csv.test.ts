import { describe, expect, it } from 'vitest';
import { consumersCsv, csvField, seriesCsv, toCsv } from './csv';
import { dailySeries } from './series';
import { usageReportSchema } from './usage-report';

describe('CSV (RFC 4180)', () => {
  it('quotes fields with commas, quotes or line breaks and doubles inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField(42)).toBe('42');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
  });

  it('ends every record, the last one too, with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 2]])).toBe('a,b\r\n1,2\r\n');
  });

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
});
