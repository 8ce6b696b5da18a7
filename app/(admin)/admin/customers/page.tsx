import type { Metadata } from 'next';
import { CustomersFilters } from '@/components/admin/customers-filters';
import { CustomersTable } from '@/components/admin/customers-table';
import { InviteForm } from '@/components/admin/invite-form';
import { SyncPanel } from '@/components/admin/sync-panel';
import { Pager } from '@/components/admin/pager';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { customersHref, loadCustomersView } from '@/lib/admin/customers-page';
import { adminDeps } from '@/lib/admin/server-deps';
import { requireAdmin } from '@/lib/auth/session';
import { directoryReconciliation } from '@/lib/store/customer-directory';
import { lastSyncRun } from '@/lib/store/sync-state';

export const metadata: Metadata = { title: 'Customers · Admin' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CustomersPage({ searchParams }: Props) {
  await requireAdmin('/admin/customers');
  const [{ query, result, plans }, lastRun, directoryReconciled] = await Promise.all([
    loadCustomersView(await searchParams),
    lastSyncRun(adminDeps()).catch(() => undefined),
    directoryReconciliation(adminDeps()).then(
      (reconciliation) => reconciliation !== undefined,
      // Unreadable: no warning rather than a false one (the list's own error state shows).
      () => true,
    ),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Customers"
        description="Everyone with an account, their key and plans. Open a customer to act on them."
      />
      <InviteForm />
      <SyncPanel lastRun={lastRun} directoryReconciled={directoryReconciled} />
      <CustomersFilters query={query} plans={plans} />
      {!result ? (
        <Alert tone="error" title="The customers could not be loaded">
          Cognito or API Gateway did not answer. Reload the page in a moment.
        </Alert>
      ) : result.total === 0 ? (
        <EmptyState title="No customers match" description="Change the search or the filters." />
      ) : (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
            {result.total} customer{result.total === 1 ? '' : 's'}
          </p>
          <CustomersTable
            rows={result.rows}
            query={query}
            sortHref={(sort, dir) => customersHref(query, { sort, dir, page: 1 })}
          />
          <Pager
            page={result.page}
            pages={result.pages}
            href={(page) => customersHref(query, { page })}
          />
        </>
      )}
    </div>
  );
}
