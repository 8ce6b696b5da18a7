import type { DateRange } from '@/lib/usage/date-range';
import { Button } from '../ui/button';

const field =
  'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900';

/**
 * A plain GET form, so it works without JavaScript and the chosen range stays in the URL.
 * Custom dates are used when "Custom" is chosen; the server validates them.
 */
export function RangePicker({ range, action }: { range: DateRange; action: string }) {
  return (
    <form action={action} method="get" className="flex flex-wrap items-end gap-3">
      <label className="grid gap-1 text-sm font-medium">
        Period
        <select name="range" defaultValue={range.preset} className={field}>
          <option value="7">Last 7 days</option>
          <option value="30">Last 30 days</option>
          <option value="90">Last 90 days</option>
          <option value="custom">Custom (dates below)</option>
        </select>
      </label>
      <label className="grid gap-1 text-sm font-medium">
        From (UTC)
        <input type="date" name="from" defaultValue={range.start} className={field} />
      </label>
      <label className="grid gap-1 text-sm font-medium">
        To (UTC)
        <input type="date" name="to" defaultValue={range.end} className={field} />
      </label>
      <Button type="submit" variant="secondary">
        Show
      </Button>
    </form>
  );
}
