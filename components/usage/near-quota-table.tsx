import Link from 'next/link';
import type { ActionResult } from '@/lib/server-action/result';
import type { NearQuota } from '@/lib/usage/consumers';
import type { PlanRef } from '@/lib/usage/series';
import { formatUtc } from '@/lib/format/utc';
import { ActionForm } from '../portal/action-form';
import { Table } from '../ui/table';

const nearQuotaColumns = [
  'Customer',
  'Plan',
  'Used',
  'Remaining',
  'Share used',
  'Resets',
  'Offer upgrade',
].map((key) => ({ key }));

const numbers = new Intl.NumberFormat('en-US');

type Props = {
  entries: NearQuota[];
  customerHref: (id: string) => string;
  /** The plans an admin may offer instead of the one filling up. */
  plans: PlanRef[];
  offer: (state: ActionResult, form: FormData) => Promise<ActionResult>;
};

/** Keys at or above 80% of their current quota period, fullest first, each with an offer. */
export function NearQuotaTable({ entries, customerHref, plans, offer }: Props) {
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
          <td className="px-3 py-1.5">
            {consumer.isCustomer ? (
              <OfferForm customerId={consumer.id} current={plan} plans={plans} offer={offer} />
            ) : (
              <span className="text-slate-600 dark:text-slate-400">No portal customer</span>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}

function OfferForm({
  customerId,
  current,
  plans,
  offer,
}: {
  customerId: string;
  current: PlanRef;
  plans: PlanRef[];
  offer: Props['offer'];
}) {
  const choices = plans.filter((candidate) => candidate.id !== current.id);
  if (choices.length === 0) return <span>No other plan</span>;
  return (
    <ActionForm
      action={offer}
      fields={{ customerSub: customerId }}
      label="Offer"
      pendingLabel="Offering…"
      variant="secondary"
    >
      <select
        name="planId"
        required
        aria-label={`Plan to offer ${customerId} instead of ${current.name}`}
        className="block w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.name}
          </option>
        ))}
      </select>
    </ActionForm>
  );
}
