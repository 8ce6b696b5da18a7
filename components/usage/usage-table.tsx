import type { UsageSeries } from '@/lib/usage/series';
import { Table } from '../ui/table';
import { planColumns } from './plan-columns';

const numbers = new Intl.NumberFormat('en-US');

/** Every day of the chart as text: the chart's accessible alternative and its exact figures. */
export function UsageTable({ series, caption }: { series: UsageSeries; caption: string }) {
  return (
    <Table
      caption={caption}
      columns={planColumns('Date (UTC)', series.plans)}
      scroll
      footer={
        <tr>
          <th scope="row" className="px-3 py-2">
            Total
          </th>
          {series.plans.map((plan) => (
            <td key={plan.id} className="px-3 py-2 text-right tabular-nums">
              {numbers.format(series.totals.byPlan[plan.id] ?? 0)}
            </td>
          ))}
          <td className="px-3 py-2 text-right tabular-nums">
            {numbers.format(series.totals.total)}
          </td>
        </tr>
      }
    >
      {[...series.points].reverse().map((point) => (
        <tr key={point.date}>
          <th scope="row" className="px-3 py-1.5 font-normal tabular-nums">
            {point.date}
          </th>
          {series.plans.map((plan) => (
            <td key={plan.id} className="px-3 py-1.5 text-right tabular-nums">
              {numbers.format(point.byPlan[plan.id] ?? 0)}
            </td>
          ))}
          <td className="px-3 py-1.5 text-right font-medium tabular-nums">
            {numbers.format(point.total)}
          </td>
        </tr>
      ))}
    </Table>
  );
}
