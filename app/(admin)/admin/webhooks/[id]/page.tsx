import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { DeliveriesTable } from '@/components/webhooks/deliveries-table';
import { requireAdmin } from '@/lib/auth/session';
import { endpointPageData } from '@/lib/webhooks/page-data';
import { endpointIdInput } from '@/lib/validation/webhooks';

export const metadata: Metadata = { title: 'Webhook deliveries' };

export default async function EndpointDeliveriesPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  await requireAdmin(`/admin/webhooks`);
  const input = endpointIdInput.safeParse({ endpointId: id });
  const data = input.success ? await endpointPageData(input.data.endpointId) : undefined;
  if (!data) notFound();
  return (
    <div className="space-y-6">
      <Link
        href="/admin/webhooks"
        className="text-sm text-indigo-700 underline hover:no-underline dark:text-indigo-300"
      >
        ← All endpoints
      </Link>
      <PageHeader
        title="Deliveries"
        description={`To ${data.endpoint.url} (${data.endpoint.state === 'paused' ? 'paused: it holds its deliveries and sends them when resumed' : 'active'}). The newest 50, with each one's last answer.`}
      />
      {data.deliveries.length === 0 ? (
        <EmptyState
          title="Nothing delivered yet"
          description="Deliveries show here once a subscribed event happens."
        />
      ) : (
        <DeliveriesTable endpointId={data.endpoint.id} deliveries={data.deliveries} />
      )}
    </div>
  );
}
