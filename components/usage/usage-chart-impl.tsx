'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { UsageSeries } from '@/lib/usage/series';
import { seriesColor } from './chart-colors';

const numbers = new Intl.NumberFormat('en-US');

/** Requests per UTC day, one stacked bar per plan. Loaded only by `UsageChart`. */
export default function UsageChartImpl({ series }: { series: UsageSeries }) {
  const data = series.points.map((point) => ({ date: point.date, ...point.byPlan }));
  return (
    <ResponsiveContainer width="100%" height={280}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer>
        <CartesianGrid vertical={false} stroke="var(--usage-grid)" />
        <XAxis
          dataKey="date"
          tick={{ fill: 'var(--usage-text)', fontSize: 12 }}
          tickFormatter={(date: string) => date.slice(5)}
          minTickGap={16}
        />
        <YAxis
          allowDecimals={false}
          tick={{ fill: 'var(--usage-text)', fontSize: 12 }}
          tickFormatter={(value: number) => numbers.format(value)}
          width={56}
        />
        <Tooltip
          labelFormatter={(date) => `${String(date)} (UTC)`}
          formatter={(value) => numbers.format(Number(value))}
          contentStyle={{ background: 'var(--usage-tooltip)', borderColor: 'var(--usage-grid)' }}
          cursor={{ fill: 'var(--usage-grid)', opacity: 0.4 }}
        />
        <Legend wrapperStyle={{ color: 'var(--usage-text)', fontSize: 12 }} />
        {series.plans.map((plan, index) => (
          <Bar
            key={plan.id}
            dataKey={plan.id}
            name={plan.name}
            stackId="requests"
            fill={seriesColor(index)}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
