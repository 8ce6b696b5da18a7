import { PortalError } from '../portal/errors';
import { recordAudit } from '../store/audit';
import type { EventDeps } from '../events/deps';
import { endpointUrlRefusal } from './address-check';
import { resendDelivery } from './deliveries';
import { holdWaiting, queueRelease } from './held';
import {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  rotateSecret,
  updateEndpoint,
  type Endpoint,
} from './endpoints';
import type { z } from 'zod';
import type { endpointInput } from '../validation/webhooks';

type Actor = { sub: string; email: string };
type ManageDeps = Pick<EventDeps, 'dynamo' | 'tableName' | 'now' | 'webhookPolicy'>;

/** Webhook changes concern no one customer: the audit trail names them `webhooks`. */
const audit = (
  deps: ManageDeps,
  actor: Actor,
  action: 'webhook.created' | 'webhook.updated' | 'webhook.deleted',
  details: Record<string, string>,
) => recordAudit(deps, { actor, customerSub: 'webhooks', action, details });

async function requireEndpoint(deps: ManageDeps, id: string): Promise<Endpoint> {
  const endpoint = await getEndpoint(deps, id);
  if (!endpoint) throw new PortalError('That endpoint does not exist (any more).', 'not-found');
  return endpoint;
}

export async function registerEndpoint(
  deps: ManageDeps,
  actor: Actor,
  input: z.output<typeof endpointInput>,
): Promise<Endpoint> {
  const refusal = await endpointUrlRefusal(input.url, deps.webhookPolicy);
  if (refusal) throw new PortalError(refusal, 'invalid');
  const endpoint = await createEndpoint(deps, input);
  await audit(deps, actor, 'webhook.created', {
    endpointId: endpoint.id,
    url: endpoint.url,
    events: input.eventTypes.join(' '),
  });
  return endpoint;
}

export async function rotateEndpointSecret(
  deps: ManageDeps,
  actor: Actor,
  id: string,
): Promise<string> {
  const endpoint = await requireEndpoint(deps, id);
  const secret = await rotateSecret(deps, endpoint);
  await audit(deps, actor, 'webhook.updated', { endpointId: id, change: 'secret rotated' });
  return secret;
}

/**
 * Resuming re-checks the URL, starts a fresh 24 h failure window and releases what the
 * endpoint held while paused (./held.ts); pausing holds every delivery that comes due.
 */
export async function setEndpointState(
  deps: ManageDeps,
  actor: Actor,
  id: string,
  state: Endpoint['state'],
): Promise<void> {
  const endpoint = await requireEndpoint(deps, id);
  if (state === 'active') {
    const refusal = await endpointUrlRefusal(endpoint.url, deps.webhookPolicy);
    if (refusal) throw new PortalError(refusal, 'invalid');
    await updateEndpoint(deps, id, { state }, ['failingSince', 'pausedAt']);
    await queueRelease(deps, id);
  } else {
    await updateEndpoint(deps, id, { state, pausedAt: deps.now() });
    await holdWaiting(deps, id);
  }
  await audit(deps, actor, 'webhook.updated', {
    endpointId: id,
    change: state === 'active' ? 'resumed' : 'paused',
  });
}

export async function removeEndpoint(deps: ManageDeps, actor: Actor, id: string): Promise<void> {
  const endpoint = await requireEndpoint(deps, id);
  await deleteEndpoint(deps, id);
  await audit(deps, actor, 'webhook.deleted', { endpointId: id, url: endpoint.url });
}

export async function resend(deps: ManageDeps, id: string, delivery: string): Promise<void> {
  const endpoint = await requireEndpoint(deps, id);
  if (endpoint.state === 'paused')
    throw new PortalError(
      'Resume the endpoint first: while paused it sends nothing, and holds new deliveries for when it is resumed.',
      'invalid',
    );
  if (!(await resendDelivery(deps, id, delivery)))
    throw new PortalError('That delivery does not exist (any more).', 'not-found');
}
