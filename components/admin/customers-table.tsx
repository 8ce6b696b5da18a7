import Link from 'next/link';
import type { CustomerRow } from '@/lib/admin/customer-rows';
import type { CustomersQuery } from '@/lib/admin/customers-query';
import { Table, type TableColumn } from '../ui/table';

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
  const header = (column: (typeof columns)[number]): TableColumn => {
    const active = column.sort === query.sort;
    if (!column.sort) return { key: column.label };
    return {
      key: column.label,
      sort: active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined,
      header: (
        <Link
          href={sortHref(column.sort, active && query.dir === 'asc' ? 'desc' : 'asc')}
          className="underline-offset-2 hover:underline"
        >
          {column.label}
          {active ? (query.dir === 'asc' ? ' ↑' : ' ↓') : ''}
        </Link>
      ),
    };
  };
  return (
    <Table caption="Customers" columns={columns.map(header)}>
      {rows.map((row) => (
        <tr key={row.sub}>
          <td className="px-3 py-2">
            <Link
              href={`/admin/customers/${row.sub}`}
              className="font-medium text-indigo-700 underline dark:text-indigo-300"
            >
              {row.email}
            </Link>
            {row.isAdmin && (
              <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">admin</span>
            )}
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
    </Table>
  );
}
