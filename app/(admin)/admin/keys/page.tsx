import type { Metadata } from 'next';
import Link from 'next/link';
import { HygieneTable } from '@/components/admin/hygiene-table';
import { ReasonField } from '@/components/admin/reason-field';
import { ActionForm } from '@/components/portal/action-form';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { bulkDisableAction } from '@/lib/admin/actions/keys';
import { maxBulkKeys } from '@/lib/validation/admin';
import { hygieneReasonLabels, hygieneReasonSchema } from '@/lib/admin/hygiene';
import { loadHygieneView } from '@/lib/admin/hygiene-page';
import { requireAdmin } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Keys · Admin' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function KeysPage({ searchParams }: Props) {
  await requireAdmin('/admin/keys');
  const { reason, unreconciled, entries, counts } = await loadHygieneView(await searchParams);
  // Owners are unknown only before the directory's first reconciliation with the pool.
  const reasons = hygieneReasonSchema.options.filter(
    (why) => why !== 'owner-unknown' || unreconciled,
  );
  const shown = entries?.slice(0, maxBulkKeys) ?? [];
  return (
    <div className="space-y-6">
      <PageHeader
        title="Key hygiene"
        description="Enabled keys that are unused, old, in no plan or whose owner is gone. Disable them in bulk with a reason."
        actions={
          <ButtonLink href="/admin/keys/import" variant="secondary">
            Import keys
          </ButtonLink>
        }
      />
      {unreconciled && (
        <Alert tone="warning" title="Not every key owner is known yet">
          The customer directory has not been reconciled with the user pool since this installation
          or upgrade, so accounts that have not signed in since have no record yet. Until a sync
          runs, their keys show as “owner unknown” rather than gone, and bulk disable refuses them.{' '}
          <Link href="/admin/customers" className="underline">
            Run a sync
          </Link>{' '}
          (“Sync now” on the customers page), or wait for the scheduled one.
        </Alert>
      )}
      <nav aria-label="Filter by reason">
        <ul className="flex flex-wrap gap-2 text-sm">
          <li>
            <Link
              href="/admin/keys"
              aria-current={reason ? undefined : 'page'}
              className="underline"
            >
              All
            </Link>
          </li>
          {reasons.map((why) => (
            <li key={why}>
              <Link
                href={`/admin/keys?reason=${why}`}
                aria-current={reason === why ? 'page' : undefined}
                className="underline"
              >
                {hygieneReasonLabels[why]} ({counts[why] ?? 0})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {!entries ? (
        <Alert tone="error" title="The keys could not be loaded">
          Cognito or API Gateway did not answer. Reload the page in a moment.
        </Alert>
      ) : entries.length === 0 ? (
        <EmptyState title="Nothing to clean up" description="No enabled key matches." />
      ) : (
        <ActionForm
          action={bulkDisableAction}
          fields={{}}
          label="Disable selected keys"
          pendingLabel="Disabling…"
          variant="danger"
          confirm="Disable the selected keys? Their calls get 403 at once."
        >
          {entries.length > shown.length && (
            <p className="text-sm">
              Showing {shown.length} of {entries.length}: disable these, then the next ones appear.
            </p>
          )}
          <HygieneTable entries={shown} />
          <ReasonField label="Reason (shown to each key's owner)" />
        </ActionForm>
      )}
    </div>
  );
}
