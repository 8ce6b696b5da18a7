import type { UsageSeries } from '@/lib/usage/series';

const numbers = new Intl.NumberFormat('en-US');

/** Every day of the chart as text: the chart's accessible alternative and its exact figures. */
export function UsageTable({ series, caption }: { series: UsageSeries; caption: string }) {
  return (
    <div className="max-h-96 overflow-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-slate-50 dark:bg-slate-900">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              Date (UTC)
            </th>
            {series.plans.map((plan) => (
              <th key={plan.id} scope="col" className="px-3 py-2 text-right font-semibold">
                {plan.name}
              </th>
            ))}
            <th scope="col" className="px-3 py-2 text-right font-semibold">
              Total
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
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
        </tbody>
        <tfoot className="border-t border-slate-200 font-semibold dark:border-slate-800">
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
        </tfoot>
      </table>
    </div>
  );
}
