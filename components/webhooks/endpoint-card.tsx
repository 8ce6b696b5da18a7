import Link from 'next/link';
import type { EndpointSummary } from '@/lib/webhooks/endpoints';
import {
  deleteEndpointAction,
  rotateSecretAction,
  setEndpointStateAction,
} from '@/lib/webhooks/actions';
import { formatUtc } from '@/lib/format/utc';
import { ActionForm } from '../portal/action-form';
import { Card } from '../ui/card';
import { SecretForm } from './secret-form';

/** One endpoint: where it points, what it gets, whether it is failing, and what can be done. */
export function EndpointCard({ endpoint }: { endpoint: EndpointSummary }) {
  const fields = { endpointId: endpoint.id };
  const paused = endpoint.state === 'paused';
  return (
    <Card as="li" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-mono text-sm font-semibold break-all">{endpoint.url}</h3>
        <span
          className={
            paused
              ? 'rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-900 dark:text-amber-100'
              : 'rounded bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100'
          }
        >
          {paused ? 'Paused' : 'Active'}
        </span>
      </div>
      {endpoint.description && <p className="text-sm">{endpoint.description}</p>}
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Events: {endpoint.eventTypes.join(', ')}
      </p>
      {endpoint.failingSince && !paused && (
        <p className="text-sm text-amber-800 dark:text-amber-200">
          Failing since {formatUtc(endpoint.failingSince)}; paused after 24 hours of failures.
        </p>
      )}
      <div className="flex flex-wrap gap-4">
        <Link
          href={`/admin/webhooks/${endpoint.id}`}
          className="self-start text-sm text-indigo-700 underline hover:no-underline dark:text-indigo-300"
        >
          Deliveries
        </Link>
        <ActionForm
          action={setEndpointStateAction}
          fields={{ ...fields, state: paused ? 'active' : 'paused' }}
          label={paused ? 'Resume' : 'Pause'}
          pendingLabel={paused ? 'Resuming…' : 'Pausing…'}
          variant="secondary"
        />
        <SecretForm
          action={rotateSecretAction}
          fields={fields}
          label="Rotate secret"
          pendingLabel="Rotating…"
        />
        <ActionForm
          action={deleteEndpointAction}
          fields={fields}
          label="Delete"
          pendingLabel="Deleting…"
          variant="danger"
          confirm={`Delete the endpoint ${endpoint.url}? It gets no more events.`}
        />
      </div>
    </Card>
  );
}
