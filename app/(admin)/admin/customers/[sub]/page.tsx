import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AuditTable } from '@/components/admin/audit-list';
import { CustomerAccountActions } from '@/components/admin/customer-account-actions';
import { CustomerKeys } from '@/components/admin/customer-keys';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { loadCustomerDetail } from '@/lib/admin/customer-detail';
import { adminDeps } from '@/lib/admin/server-deps';
import { requireAdmin } from '@/lib/auth/session';
import { customerSubSchema } from '@/lib/usage/customer-param';
import { formatUtc } from '@/lib/format/utc';

export const metadata: Metadata = { title: 'Customer · Admin' };

type Props = { params: Promise<{ sub: string }> };

export default async function CustomerPage({ params }: Props) {
  const parsed = customerSubSchema.safeParse((await params).sub);
  const admin = await requireAdmin(
    parsed.success ? `/admin/customers/${parsed.data}` : '/admin/customers',
  );
  if (!parsed.success) notFound();
  const detail = await loadCustomerDetail(adminDeps(), parsed.data);
  if (!detail) notFound();
  const { user } = detail;
  return (
    <div className="space-y-8">
      <p className="text-sm">
        <Link href="/admin/customers" className="text-indigo-700 underline dark:text-indigo-300">
          ← All customers
        </Link>
      </p>
      <PageHeader
        title={user.email}
        description={<span className="break-all">Customer {user.sub}</span>}
      />
      <Card as="section">
        <h2 className="mb-3 text-lg font-semibold">Profile</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-500 dark:text-slate-400">Status</dt>
          <dd className="capitalize">{user.status}</dd>
          <dt className="text-slate-500 dark:text-slate-400">Signed up</dt>
          <dd>{user.createdAt ? formatUtc(user.createdAt) : '—'}</dd>
          <dt className="text-slate-500 dark:text-slate-400">Groups</dt>
          <dd>
            {detail.groups ? detail.groups.join(', ') || 'None' : 'Known after the next sync'}
          </dd>
          <dt className="text-slate-500 dark:text-slate-400">Requests, last 7 days</dt>
          <dd>
            {detail.recentUsage
              ? `${detail.recentUsage.total}${detail.recentUsage.byPlan.length > 0 ? ` (${detail.recentUsage.byPlan.map((plan) => `${plan.name}: ${plan.requests}`).join(', ')})` : ''}`
              : 'Usage could not be loaded'}{' '}
            <Link
              href={`/admin/usage/customers/${user.sub}`}
              className="text-indigo-700 underline dark:text-indigo-300"
            >
              Usage details
            </Link>
          </dd>
        </dl>
      </Card>
      <Card as="section">
        <h2 className="mb-3 text-lg font-semibold">Keys and plans</h2>
        <CustomerKeys sub={user.sub} keys={detail.keys} />
      </Card>
      <Card as="section">
        <h2 className="mb-3 text-lg font-semibold">Actions</h2>
        <CustomerAccountActions detail={detail} isSelf={admin.sub === user.sub} />
      </Card>
      <Card as="section">
        <h2 className="mb-3 text-lg font-semibold">Upgrade requests</h2>
        {detail.requests.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">None.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {detail.requests.map((request) => (
              <li key={request.id}>
                {formatUtc(request.createdAt)}: {request.toPlanName}, {request.status}
                {request.reason ? ` (${request.reason})` : ''}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card as="section">
        <h2 className="mb-3 text-lg font-semibold">Audit trail</h2>
        <AuditTable entries={detail.audit} caption={`Audit trail of ${user.email}`} />
      </Card>
    </div>
  );
}
