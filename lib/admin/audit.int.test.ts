import { describe, expect, it } from 'vitest';
import { accountAudit, recordAudit } from '../store/audit';
import { testAdminDeps } from '../testing/admin-deps';
import { unknownCustomer } from '../testing/portal-deps';
import { auditFilterSchema, auditRange, filterAudit } from './audit-query';

describe('the account-wide audit log against the local stack', () => {
  it('reads whole UTC days newest first, and filters what it read', async () => {
    // Long past days no other test writes to, so the expected entries are exact.
    let now = Date.parse('2001-02-03T23:59:59.999Z');
    const deps = testAdminDeps({ now: () => now });
    const customer = unknownCustomer();
    const admin = { sub: 'admin-sub', email: 'admin@example.test' };
    await recordAudit(deps, {
      actor: admin,
      customerSub: customer.sub,
      action: 'key.disabled',
      details: { reason: 'x' },
    });
    now = Date.parse('2001-02-03T00:00:00.000Z');
    await recordAudit(deps, {
      actor: customer,
      customerSub: customer.sub,
      action: 'key.rotated',
      details: {},
    });
    now = Date.parse('2001-02-04T00:00:00.000Z');
    await recordAudit(deps, {
      actor: admin,
      customerSub: customer.sub,
      action: 'key.enabled',
      details: {},
    });

    const filter = auditFilterSchema.parse({ from: '2001-02-03', to: '2001-02-03' });
    const entries = await accountAudit(deps, auditRange(filter, Date.now()));
    expect(entries.map((entry) => entry.action)).toEqual(['key.disabled', 'key.rotated']);
    const byAdmin = filterAudit(
      entries,
      auditFilterSchema.parse({ actor: 'admin@', customer: customer.sub }),
    );
    expect(byAdmin.map((entry) => entry.action)).toEqual(['key.disabled']);
    expect(await accountAudit(deps, auditRange(filter, Date.now()), 1)).toHaveLength(1);
  });
});
