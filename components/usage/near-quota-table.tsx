import Link from 'next/link';
import type { NearQuota } from '@/lib/usage/consumers';
import { formatUtc } from '@/lib/format/utc';
import { Table } from '../ui/table';

const nearQuotaColumns = ['Customer', 'Plan', 'Used', 'Remaining', 'Share used', 'Resets'].map(
  (key) => ({ key }),
);

const numbers = new Intl.NumberFormat('en-US');

type Props = { entries: NearQuota[]; customerHref: (id: string) => string };

/** Keys at or above 80% of their current quota period, fullest first. */
export function NearQuotaTable({ entries, customerHref }: Props) {
  return (
    <Table
      caption="Customers at or above 80% of their quota this period"
      columns={nearQuotaColumns}
    >
      {entries.map(({ consumer, keyId, plan, gauge }) => (
        <tr key={`${plan.id}:${keyId}`}>
          <th scope="row" className="px-3 py-1.5 font-normal break-all">
            {consumer.isCustomer ? (
              <Link
                href={customerHref(consumer.id)}
                className="text-indigo-700 underline hover:no-underline dark:text-indigo-300"
              >
                {consumer.label}
              </Link>
            ) : (
              consumer.label
            )}
          </th>
          <td className="px-3 py-1.5">{plan.name}</td>
          <td className="px-3 py-1.5 tabular-nums">{numbers.format(gauge.used)}</td>
          <td className="px-3 py-1.5 tabular-nums">{numbers.format(gauge.remaining)}</td>
          <td className="px-3 py-1.5 font-medium tabular-nums">{Math.round(gauge.percent)}%</td>
          <td className="px-3 py-1.5">{formatUtc(gauge.resetsAt)}</td>
        </tr>
      ))}
    </Table>
  );
}
