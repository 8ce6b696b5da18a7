import { z } from 'zod';
import type { CustomerRow } from './customer-rows';
import { accountStatusSchema } from './directory-user';

export const customersPageSize = 25;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const text = (max: number) =>
  z.preprocess(first, z.string().trim().max(max).optional().catch(undefined));

/** The list's search params; anything malformed falls back to its default rather than failing. */
export const customersQuerySchema = z.object({
  q: text(200),
  plan: z.preprocess(
    first,
    z
      .string()
      .regex(/^([a-z0-9]{1,32}|none)$/i)
      .optional()
      .catch(undefined),
  ),
  status: z.preprocess(first, accountStatusSchema.optional().catch(undefined)),
  sort: z.preprocess(
    first,
    z.enum(['email', 'created', 'status', 'keyAge', 'activity']).catch('email'),
  ),
  dir: z.preprocess(first, z.enum(['asc', 'desc']).catch('asc')),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000).catch(1)),
});

export type CustomersQuery = z.infer<typeof customersQuerySchema>;

export interface CustomersPage {
  rows: CustomerRow[];
  total: number;
  page: number;
  pages: number;
}

const compareBy: Record<CustomersQuery['sort'], (a: CustomerRow, b: CustomerRow) => number> = {
  email: (a, b) => a.email.localeCompare(b.email),
  created: (a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0),
  status: (a, b) => a.status.localeCompare(b.status),
  keyAge: (a, b) => (a.keyAgeDays ?? -1) - (b.keyAgeDays ?? -1),
  activity: (a, b) => (a.lastActivity ?? '').localeCompare(b.lastActivity ?? ''),
};

/** Search, filter, sort and one page of the joined rows, on the server. */
export function queryCustomers(rows: CustomerRow[], query: CustomersQuery): CustomersPage {
  const needle = query.q?.toLowerCase();
  const matching = rows.filter(
    (row) =>
      (!needle || row.email.toLowerCase().includes(needle) || row.sub.includes(needle)) &&
      (!query.status || row.status === query.status) &&
      (!query.plan ||
        (query.plan === 'none'
          ? row.plans.length === 0
          : row.plans.some((plan) => plan.id === query.plan))),
  );
  const sign = query.dir === 'desc' ? -1 : 1;
  const compare = compareBy[query.sort];
  const sorted = matching.sort(
    (a, b) => sign * compare(a, b) || a.email.localeCompare(b.email) || a.sub.localeCompare(b.sub),
  );
  const pages = Math.max(1, Math.ceil(sorted.length / customersPageSize));
  const page = Math.min(query.page, pages);
  return {
    rows: sorted.slice((page - 1) * customersPageSize, page * customersPageSize),
    total: sorted.length,
    page,
    pages,
  };
}
