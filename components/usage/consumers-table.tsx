import Link from 'next/link';
import type { Consumer } from '@/lib/usage/consumers';
import type { PlanRef } from '@/lib/usage/series';
import { Table } from '../ui/table';
import { planColumns } from './plan-columns';

const numbers = new Intl.NumberFormat('en-US');

type Props = { consumers: Consumer[]; plans: PlanRef[]; customerHref: (id: string) => string };

/** Busiest first; a customer links to their own usage page, a key no customer owns does not. */
export function ConsumersTable({ consumers, plans, customerHref }: Props) {
  return (
    <Table
      caption="Top consumers in the range, busiest first"
      columns={planColumns('Customer', plans)}
    >
      {consumers.map((consumer) => (
        <tr key={consumer.id}>
          <th scope="row" className="px-3 py-1.5 font-normal break-all">
            {consumer.isCustomer ? (
              <Link
                href={customerHref(consumer.id)}
                className="text-indigo-700 underline hover:no-underline dark:text-indigo-300"
              >
                {consumer.label}
              </Link>
            ) : (
              <span>{consumer.label} (not a portal customer)</span>
            )}
          </th>
          {plans.map((plan) => (
            <td key={plan.id} className="px-3 py-1.5 text-right tabular-nums">
              {numbers.format(consumer.byPlan[plan.id] ?? 0)}
            </td>
          ))}
          <td className="px-3 py-1.5 text-right font-medium tabular-nums">
            {numbers.format(consumer.total)}
          </td>
        </tr>
      ))}
    </Table>
  );
}
