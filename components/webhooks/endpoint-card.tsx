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

/**
 * One endpoint: where it points, what it gets, whether it is failing, what it holds while
 * paused, and what can be done.
 */
export function EndpointCard({ endpoint, held }: { endpoint: EndpointSummary; held: number }) {
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
      {paused && (
        <p className="text-sm text-amber-800 dark:text-amber-200" data-testid="held-deliveries">
          {heldText(held)} Deliveries that come due while it is paused are held for up to 30 days;
          resuming sends them, oldest first.
        </p>
      )}
      {!paused && held > 0 && (
        <p className="text-sm" data-testid="held-deliveries">
          Sending {plural(held)} it held while paused, oldest first.
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

const plural = (count: number) => `${count} ${count === 1 ? 'delivery' : 'deliveries'}`;

const heldText = (held: number) =>
  held === 0 ? 'Holding no deliveries yet.' : `Holding ${plural(held)}.`;
