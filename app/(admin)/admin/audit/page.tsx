import type { Metadata } from 'next';
import { AuditTable } from '@/components/admin/audit-list';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { auditActionSchema } from '@/lib/store/audit';
import { loadAuditView } from '@/lib/admin/audit-page';
import { requireAdmin } from '@/lib/auth/session';
import { utcDay } from '@/lib/usage/utc-days';

export const metadata: Metadata = { title: 'Audit log · Admin' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const field =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900';
const shownMax = 500;

export default async function AuditPage({ searchParams }: Props) {
  await requireAdmin('/admin/audit');
  const { filter, range, entries, truncated } = await loadAuditView(await searchParams);
  const query = new URLSearchParams(
    Object.entries({ ...filter, from: utcDay(range.from), to: utcDay(range.to) }).flatMap(
      ([name, value]) => (value ? [[name, String(value)]] : []),
    ),
  );
  return (
    <div className="space-y-6">
      <PageHeader
        title="Audit log"
        description="Every admin and customer action, newest first. Times are UTC."
        actions={
          <ButtonLink href={`/admin/audit/csv?${query}`} variant="secondary" prefetch={false}>
            Download CSV
          </ButtonLink>
        }
      />
      <form
        role="search"
        action="/admin/audit"
        className="grid items-end gap-3 md:grid-cols-[1fr_1fr_1fr_auto_auto_auto]"
      >
        <label className="text-sm font-medium">
          Actor email
          <input name="actor" defaultValue={filter.actor ?? ''} className={field} />
        </label>
        <label className="text-sm font-medium">
          Customer id
          <input name="customer" defaultValue={filter.customer ?? ''} className={field} />
        </label>
        <label className="text-sm font-medium">
          Action
          <select name="action" defaultValue={filter.action ?? ''} className={field}>
            <option value="">Any action</option>
            {auditActionSchema.options.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          From
          <input type="date" name="from" defaultValue={utcDay(range.from)} className={field} />
        </label>
        <label className="text-sm font-medium">
          To
          <input type="date" name="to" defaultValue={utcDay(range.to)} className={field} />
        </label>
        <Button type="submit">Filter</Button>
      </form>
      {!entries ? (
        <Alert tone="error" title="The audit log could not be read">
          Reload the page in a moment.
        </Alert>
      ) : (
        <>
          {(truncated || entries.length > shownMax) && (
            <Alert tone="warning">
              Only the newest {Math.min(entries.length, shownMax)} entries are shown: narrow the
              dates or filters, or download the CSV.
            </Alert>
          )}
          <AuditTable entries={entries.slice(0, shownMax)} caption="Audit log" />
        </>
      )}
    </div>
  );
}
