'use client';

import dynamic from 'next/dynamic';
import type { UsageSeries } from '@/lib/usage/series';
import { chartColorVariables } from './chart-colors';

/** recharts is loaded in the browser on the usage pages only; the table below stays the record. */
const UsageChartImpl = dynamic(() => import('./usage-chart-impl'), {
  ssr: false,
  loading: () => (
    <p
      role="status"
      className="flex h-[280px] items-center justify-center text-sm text-slate-600 dark:text-slate-400"
    >
      Loading the chart…
    </p>
  ),
});

const numbers = new Intl.NumberFormat('en-US');

export function UsageChart({ series, title }: { series: UsageSeries; title: string }) {
  const summary = `${title}: ${numbers.format(series.totals.total)} requests from ${series.start} to ${series.end} (UTC). The table below lists each day.`;
  return (
    <figure
      className={`${chartColorVariables} [--usage-tooltip:var(--color-white)] dark:[--usage-tooltip:var(--color-slate-900)]`}
    >
      <UsageChartImpl series={series} />
      <figcaption className="sr-only">{summary}</figcaption>
    </figure>
  );
}
