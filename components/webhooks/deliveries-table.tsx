import type { Delivery } from '@/lib/webhooks/deliveries';
import { formatUtc } from '@/lib/format/utc';
import { resendDeliveryAction } from '@/lib/webhooks/actions';
import { ActionForm } from '../portal/action-form';

const utc = (ms?: number) => (ms ? formatUtc(ms) : '—');

const stateLabel: Record<Delivery['state'], string> = {
  pending: 'Retrying',
  held: 'Held: sent when the endpoint is resumed',
  delivered: 'Delivered',
  failed: 'Failed',
};

/**
 * An endpoint's deliveries, newest first, with each one's last answer and a resend button
 * (none on a held one: resuming the endpoint sends it).
 */
export function DeliveriesTable({
  endpointId,
  deliveries,
}: {
  endpointId: string;
  deliveries: Delivery[];
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Deliveries to this endpoint, newest first</caption>
        <thead className="bg-slate-50 dark:bg-slate-900">
          <tr>
            {['Event', 'Status', 'Response', 'Latency', 'Attempts', 'Last attempt', ''].map(
              (label, index) => (
                <th key={index} scope="col" className="px-3 py-2 font-semibold">
                  {label || <span className="sr-only">Actions</span>}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {deliveries.map((delivery) => (
            <tr key={delivery.sk} data-testid="webhook-delivery">
              <th scope="row" className="px-3 py-1.5 font-normal">
                <code className="text-xs">{delivery.eventType}</code>
                <span className="block font-mono text-xs text-slate-500 dark:text-slate-400">
                  {delivery.eventId}
                </span>
              </th>
              <td className="px-3 py-1.5">
                {stateLabel[delivery.state]}
                {delivery.error && (
                  <span className="block text-xs text-slate-600 dark:text-slate-400">
                    {delivery.error}
                  </span>
                )}
              </td>
              <td className="px-3 py-1.5 tabular-nums">{delivery.responseCode ?? '—'}</td>
              <td className="px-3 py-1.5 tabular-nums">
                {delivery.latencyMs === undefined ? '—' : `${delivery.latencyMs} ms`}
              </td>
              <td className="px-3 py-1.5 tabular-nums">{delivery.attempts}</td>
              <td className="px-3 py-1.5">{utc(delivery.lastAttemptAt)}</td>
              <td className="px-3 py-1.5">
                {delivery.state !== 'held' && (
                  <ActionForm
                    action={resendDeliveryAction}
                    fields={{ endpointId, delivery: delivery.sk }}
                    label="Resend"
                    pendingLabel="Queuing…"
                    variant="secondary"
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
