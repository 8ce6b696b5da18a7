import type { AdminPlan } from '@/lib/admin/plans';
import { publicAudience } from '@/lib/audiences/audience';
import { AudienceFields } from '../audiences/audience-fields';

const input =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900';

/** The editable fields of a plan, shared by the edit and the create forms. */
export function PlanFields({
  plan,
  audiences,
}: {
  plan?: AdminPlan;
  audiences: { id: string; name: string }[];
}) {
  return (
    <div className="grid gap-3 md:grid-cols-3">
      <label className="text-sm font-medium md:col-span-1">
        Name
        <input name="name" required maxLength={128} defaultValue={plan?.name} className={input} />
      </label>
      <label className="text-sm font-medium md:col-span-2">
        Description
        <input
          name="description"
          maxLength={500}
          defaultValue={plan?.description}
          className={input}
        />
      </label>
      <label className="text-sm font-medium">
        Rate (requests/s, empty for none)
        <input
          name="rateLimit"
          type="number"
          min={0}
          step="any"
          defaultValue={plan?.throttle?.rateLimit}
          className={input}
        />
      </label>
      <label className="text-sm font-medium">
        Burst
        <input
          name="burstLimit"
          type="number"
          min={0}
          step={1}
          defaultValue={plan?.throttle?.burstLimit}
          className={input}
        />
      </label>
      <span />
      <label className="text-sm font-medium">
        Quota (requests, empty for none)
        <input
          name="quotaLimit"
          type="number"
          min={1}
          step={1}
          defaultValue={plan?.quota?.limit}
          className={input}
        />
      </label>
      <label className="text-sm font-medium">
        Quota period
        <select name="quotaPeriod" defaultValue={plan?.quota?.period ?? 'MONTH'} className={input}>
          <option value="DAY">Day</option>
          <option value="WEEK">Week</option>
          <option value="MONTH">Month</option>
        </select>
      </label>
      <span />
      <label className="text-sm font-medium">
        Display order
        <input
          name="order"
          type="number"
          required
          min={0}
          step={1}
          defaultValue={plan?.metadata.order ?? 100}
          className={input}
        />
      </label>
      <label className="text-sm font-medium">
        Visibility
        <select
          name="visibility"
          defaultValue={plan?.metadata.visibility ?? 'public'}
          className={input}
        >
          <option value="public">Listed on the plans page</option>
          <option value="hidden">Hidden</option>
        </select>
      </label>
      <label className="text-sm font-medium">
        Subscribing
        <select name="approval" defaultValue={plan?.metadata.approval ?? 'auto'} className={input}>
          <option value="auto">Immediate</option>
          <option value="manual">Needs an admin&apos;s approval</option>
        </select>
      </label>
      <div className="md:col-span-3">
        <AudienceFields
          idPrefix={`plan-${plan?.id ?? 'new'}-audience`}
          audience={plan?.metadata.audience ?? publicAudience}
          audiences={audiences}
        />
      </div>
    </div>
  );
}
