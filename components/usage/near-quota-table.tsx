import Link from 'next/link';
import type { NearQuota } from '@/lib/usage/consumers';
import { formatUtc } from '@/lib/format/utc';

const numbers = new Intl.NumberFormat('en-US');

type Props = { entries: NearQuota[]; customerHref: (id: string) => string };

/** Keys at or above 80% of their current quota period, fullest first. */
export function NearQuotaTable({ entries, customerHref }: Props) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Customers at or above 80% of their quota this period</caption>
        <thead className="bg-slate-50 dark:bg-slate-900">
          <tr>
            {['Customer', 'Plan', 'Used', 'Remaining', 'Share used', 'Resets'].map((label) => (
              <th key={label} scope="col" className="px-3 py-2 font-semibold">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
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
        </tbody>
      </table>
    </div>
  );
}
