import { describe, expect, it } from 'vitest';
import { buildCustomerRows } from './customer-rows';
import { customersPageSize, customersQuerySchema, queryCustomers } from './customers-query';
import type { Directory } from './directory-model';

const now = Date.parse('2025-03-31T12:00:00Z');
const day = 86_400_000;

const directory: Directory = {
  users: [
    { sub: 'a', username: 'ua', email: 'ann@example.test', status: 'active', createdAt: 1 },
    { sub: 'b', username: 'ub', email: 'bob@example.test', status: 'disabled', createdAt: 2 },
    { sub: 'c', username: 'uc', email: 'cid@example.test', status: 'active', createdAt: 3 },
  ],
  adminSubs: ['c'],
  keys: [
    {
      id: 'k-old',
      name: 'portico-a',
      customerId: 'a',
      enabled: true,
      createdAt: now - 100 * day,
      rotatingOut: true,
      portalKey: true,
    },
    {
      id: 'k-new',
      name: 'portico-a',
      customerId: 'a',
      enabled: true,
      createdAt: now - 2 * day,
      rotatingOut: false,
      portalKey: true,
    },
    {
      id: 'k-b',
      name: 'portico-b',
      customerId: 'b',
      enabled: false,
      createdAt: now - 10 * day,
      rotatingOut: false,
      portalKey: true,
    },
    { id: 'k-x', name: 'imported', enabled: true, rotatingOut: false, portalKey: false },
  ],
  plans: [
    { id: 'bronze', name: 'Bronze', stages: ['api:prod'] },
    { id: 'gold', name: 'Gold', stages: ['api:prod'] },
  ],
  planKeyIds: { bronze: ['k-old', 'k-b'], gold: ['k-new'] },
  lastUsedDay: { 'k-old': '2025-03-30', 'k-new': '2025-03-29' },
  usageWindow: { start: '2025-03-02', end: '2025-03-31' },
};

describe('buildCustomerRows', () => {
  const rows = buildCustomerRows(directory, now);
  const byEmail = (email: string) => rows.find((row) => row.email === email)!;

  it('shows the active key, not the one being rotated out, with its plans and age', () => {
    expect(byEmail('ann@example.test')).toMatchObject({
      keyState: 'active',
      keyId: 'k-new',
      keyAgeDays: 2,
      plans: [{ id: 'gold', name: 'Gold' }],
      lastActivity: '2025-03-30',
      isAdmin: false,
    });
  });

  it('reports a customer whose keys are all disabled, and one without a key', () => {
    expect(byEmail('bob@example.test')).toMatchObject({ keyState: 'disabled', keyId: 'k-b' });
    expect(byEmail('cid@example.test')).toMatchObject({
      keyState: 'none',
      plans: [],
      isAdmin: true,
    });
  });
});

describe('queryCustomers', () => {
  const rows = buildCustomerRows(directory, now);
  const query = (params: Record<string, string>) =>
    queryCustomers(rows, customersQuerySchema.parse(params));

  it('searches by email or id, and filters by plan and status', () => {
    expect(query({ q: 'BOB' }).rows.map((row) => row.sub)).toEqual(['b']);
    expect(query({ plan: 'gold' }).rows.map((row) => row.sub)).toEqual(['a']);
    expect(query({ plan: 'none' }).rows.map((row) => row.sub)).toEqual(['c']);
    expect(query({ status: 'disabled' }).rows.map((row) => row.sub)).toEqual(['b']);
  });

  it('sorts either way and ignores malformed parameters', () => {
    expect(query({ sort: 'keyAge', dir: 'desc' }).rows.map((row) => row.sub)).toEqual([
      'b',
      'a',
      'c',
    ]);
    expect(query({ sort: 'drop table', page: '-3', status: 'weird' }).rows).toHaveLength(3);
  });

  it('pages on the server and clamps a page past the end', () => {
    const many = Array.from({ length: 60 }, (_, index) => ({
      ...rows[0]!,
      sub: `s${index}`,
      email: `u${String(index).padStart(2, '0')}@example.test`,
    }));
    const last = queryCustomers(many, customersQuerySchema.parse({ page: '9' }));
    expect(last).toMatchObject({ total: 60, page: 3, pages: 3 });
    expect(last.rows).toHaveLength(60 - 2 * customersPageSize);
    expect(last.rows[0]?.email).toBe('u50@example.test');
  });
});
