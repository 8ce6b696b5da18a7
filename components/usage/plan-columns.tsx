import type { PlanRef } from '@/lib/usage/series';
import type { TableColumn } from '../ui/table';

/** A usage table's columns: what a row is, one figure per plan, then the total. */
export function planColumns(first: string, plans: PlanRef[]): TableColumn[] {
  return [
    { key: first },
    ...plans.map((plan) => ({
      key: `plan:${plan.id}`,
      header: plan.name,
      align: 'right' as const,
    })),
    { key: 'Total', align: 'right' },
  ];
}
