import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { EndpointCard } from '@/components/webhooks/endpoint-card';
import { EndpointForm } from '@/components/webhooks/endpoint-form';
import { requireAdmin } from '@/lib/auth/session';
import { webhooksPageData } from '@/lib/webhooks/page-data';

export const metadata: Metadata = { title: 'Webhooks' };

export default async function WebhooksPage() {
  await requireAdmin('/admin/webhooks');
  const { endpoints, eventTypes, httpLocalhost } = await webhooksPageData();
  return (
    <div className="space-y-8">
      <PageHeader
        title="Webhooks"
        description="Send portal events to your own systems, signed per the Standard Webhooks specification (webhook-id, webhook-timestamp, webhook-signature). Failed deliveries are retried for 24 hours; a paused endpoint holds its deliveries for up to 30 days and sends them when resumed."
      />
      <Card as="section" className="space-y-4">
        <h2 className="text-lg font-semibold">Add an endpoint</h2>
        <EndpointForm eventTypes={eventTypes} httpLocalhost={httpLocalhost} />
      </Card>
      <section className="space-y-4">
        <h2 className="text-lg font-semibold">Endpoints</h2>
        {endpoints.length === 0 ? (
          <EmptyState
            title="No endpoints yet"
            description="Add one above to receive events such as upgrade.requested or quota.threshold."
          />
        ) : (
          <ul className="space-y-4">
            {endpoints.map(({ endpoint, held }) => (
              <EndpointCard key={endpoint.id} endpoint={endpoint} held={held} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
