import Link from 'next/link';
import type { CustomerRow } from '@/lib/admin/customer-rows';
import type { CustomersQuery } from '@/lib/admin/customers-query';

type SortKey = CustomersQuery['sort'];

const columns: { label: string; sort?: SortKey }[] = [
  { label: 'Email', sort: 'email' },
  { label: 'Status', sort: 'status' },
  { label: 'Plans' },
  { label: 'Key' },
  { label: 'Key age', sort: 'keyAge' },
  { label: 'Last activity', sort: 'activity' },
];

const keyLabels: Record<CustomerRow['keyState'], string> = {
  none: 'No key',
  active: 'Active',
  disabled: 'Disabled',
};

/** The customers of one page; sortable headers are links, so sorting works without script. */
export function CustomersTable({
  rows,
  query,
  sortHref,
}: {
  rows: CustomerRow[];
  query: CustomersQuery;
  sortHref: (sort: SortKey, dir: 'asc' | 'desc') => string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Customers</caption>
        <thead className="border-b border-slate-200 dark:border-slate-800">
          <tr>
            {columns.map((column) => {
              const active = column.sort === query.sort;
              return (
                <th
                  key={column.label}
                  scope="col"
                  className="px-3 py-2 font-semibold"
                  aria-sort={
                    active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined
                  }
                >
                  {column.sort ? (
                    <Link
                      href={sortHref(column.sort, active && query.dir === 'asc' ? 'desc' : 'asc')}
                      className="underline-offset-2 hover:underline"
                    >
                      {column.label}
                      {active ? (query.dir === 'asc' ? ' ↑' : ' ↓') : ''}
                    </Link>
                  ) : (
                    column.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.sub} className="border-b border-slate-100 dark:border-slate-800/60">
              <td className="px-3 py-2">
                <Link
                  href={`/admin/customers/${row.sub}`}
                  className="font-medium text-indigo-700 underline dark:text-indigo-300"
                >
                  {row.email}
                </Link>
                {row.isAdmin && <span className="ml-2 text-xs text-slate-500">admin</span>}
              </td>
              <td className="px-3 py-2 capitalize">{row.status}</td>
              <td className="px-3 py-2">{row.plans.map((plan) => plan.name).join(', ') || '—'}</td>
              <td className="px-3 py-2">{keyLabels[row.keyState]}</td>
              <td className="px-3 py-2">
                {row.keyAgeDays === undefined ? '—' : `${row.keyAgeDays} d`}
              </td>
              <td className="px-3 py-2">{row.lastActivity ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
