import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../store/audit';
import { auditCsv } from './audit-csv';
import { auditFilterSchema, auditRange, filterAudit } from './audit-query';

const entry = (fields: Partial<AuditEntry>): AuditEntry => ({
  id: 'id',
  at: Date.parse('2025-05-02T10:00:00Z'),
  actor: { sub: 'admin', email: 'admin@example.test' },
  customerSub: 'cust-1',
  action: 'key.disabled',
  details: {},
  ...fields,
});

describe('auditCsv', () => {
  it('writes one escaped line per entry', () => {
    const csv = auditCsv([
      entry({ customerSub: '=cmd|calc', details: { reason: 'a, "b"', keyId: 'k1' } }),
    ]);
    expect(csv).toBe(
      'time (UTC),actor,action,subject,details\r\n' +
        '2025-05-02T10:00:00.000Z,admin@example.test,key.disabled,\'=cmd|calc,"reason=a, ""b""; keyId=k1"\r\n',
    );
  });
});

describe('audit filters', () => {
  const entries = [
    entry({ id: '1' }),
    entry({ id: '2', actor: { sub: 'c', email: 'dev@example.test' }, action: 'key.rotated' }),
    entry({ id: '3', customerSub: 'import', details: { keyId: 'k', customer: 'cust-2' } }),
  ];

  it('filters by actor, customer and action', () => {
    const ids = (params: Record<string, string>) =>
      filterAudit(entries, auditFilterSchema.parse(params)).map((e) => e.id);
    expect(ids({ actor: 'DEV@' })).toEqual(['2']);
    expect(ids({ customer: 'cust-2' })).toEqual(['3']);
    expect(ids({ action: 'key.rotated' })).toEqual(['2']);
    expect(ids({ action: 'drop' })).toEqual(['1', '2', '3']);
  });

  it('covers whole UTC days, the last 30 by default, in either order', () => {
    const now = Date.parse('2025-05-31T08:00:00Z');
    expect(auditRange(auditFilterSchema.parse({}), now)).toEqual({
      from: Date.parse('2025-05-02T00:00:00Z'),
      to: Date.parse('2025-05-31T23:59:59.999Z'),
    });
    expect(
      auditRange(auditFilterSchema.parse({ from: '2025-05-10', to: '2025-05-09' }), now),
    ).toEqual({
      from: Date.parse('2025-05-09T00:00:00Z'),
      to: Date.parse('2025-05-10T23:59:59.999Z'),
    });
  });
});
