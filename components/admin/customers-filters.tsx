import type { CustomersQuery } from '@/lib/admin/customers-query';
import { Button } from '../ui/button';

const field =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900';

/** A plain GET form: search and filters live in the URL, so results can be shared and paged. */
export function CustomersFilters({
  query,
  plans,
}: {
  query: CustomersQuery;
  plans: { id: string; name: string }[];
}) {
  return (
    <form
      role="search"
      action="/admin/customers"
      className="grid items-end gap-3 md:grid-cols-[2fr_1fr_1fr_auto]"
    >
      <label className="text-sm font-medium">
        Search
        <input
          type="search"
          name="q"
          defaultValue={query.q ?? ''}
          placeholder="Email or customer id"
          className={field}
        />
      </label>
      <label className="text-sm font-medium">
        Plan
        <select name="plan" defaultValue={query.plan ?? ''} className={field}>
          <option value="">Any plan</option>
          <option value="none">No plan</option>
          {plans.map((plan) => (
            <option key={plan.id} value={plan.id}>
              {plan.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        Status
        <select name="status" defaultValue={query.status ?? ''} className={field}>
          <option value="">Any status</option>
          <option value="active">Active</option>
          <option value="disabled">Disabled</option>
          <option value="unconfirmed">Unconfirmed</option>
          <option value="invited">Invited</option>
        </select>
      </label>
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <Button type="submit">Apply</Button>
    </form>
  );
}
