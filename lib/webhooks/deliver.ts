import { finishJob, retryJob, type JobKey } from '../events/outbox';
import { nextAttemptAt, retryWindowMs } from '../events/backoff';
import type { EventDeps } from '../events/deps';
import { tellAdmins } from '../events/tell-admins';
import { deliverySchema } from './deliveries';
import { holdDelivery, holdWaiting } from './held';
import { getEndpoint, signingSecrets, updateEndpoint, type Endpoint } from './endpoints';
import { safePost, type PostOutcome } from './safe-post';
import { webhookHeaders as signedHeaders } from './signing';

const succeeded = (outcome: PostOutcome) =>
  outcome.status !== undefined && outcome.status >= 200 && outcome.status < 300;

/**
 * One attempt of one delivery: signed afresh (the timestamp is the attempt's), URL checked
 * again after DNS. A failure is retried with backoff for 24 h; an endpoint that has failed
 * for 24 h is paused and the admins are told. A paused endpoint's deliveries are held until
 * it is resumed (./held.ts), the one that paused it included.
 */
export async function attemptDelivery(
  deps: EventDeps,
  key: JobKey,
  item: Record<string, unknown>,
): Promise<void> {
  const delivery = deliverySchema.parse(item);
  const endpoint = await getEndpoint(deps, delivery.endpointId, { consistent: true });
  if (!endpoint)
    return finishJob(deps, key, { state: 'failed', error: 'Not sent: the endpoint was deleted.' });
  if (endpoint.state === 'paused') return holdDelivery(deps, key, endpoint.id);
  const now = deps.now();
  const timestamp = Math.floor(now / 1000);
  const headers = {
    'user-agent': 'Portico-Webhooks/1',
    ...webhookHeaders(endpoint, now, delivery.eventId, timestamp, delivery.body),
  };
  const outcome = await safePost(endpoint.url, headers, delivery.body, deps.webhookPolicy);
  const attempts = delivery.attempts + 1;
  const record = {
    attempts,
    lastAttemptAt: now,
    responseCode: outcome.status,
    latencyMs: outcome.latencyMs,
    error: outcome.error ?? (succeeded(outcome) ? undefined : `Answered ${outcome.status}`),
  };
  if (succeeded(outcome)) {
    await finishJob(deps, key, { ...record, state: 'delivered' });
    if (endpoint.failingSince) await updateEndpoint(deps, endpoint.id, {}, ['failingSince']);
    return;
  }
  const failingSince = endpoint.failingSince ?? now;
  if (now - failingSince >= retryWindowMs) {
    await pauseEndpoint(deps, endpoint);
    return holdDelivery(deps, key, endpoint.id, record);
  }
  if (!endpoint.failingSince) await updateEndpoint(deps, endpoint.id, { failingSince });
  const next = nextAttemptAt(delivery.createdAt, attempts, now);
  if (next === undefined) return finishJob(deps, key, { ...record, state: 'failed' });
  await retryJob(deps, key, next, { ...record, state: 'pending' });
}

function webhookHeaders(
  endpoint: Endpoint,
  now: number,
  id: string,
  timestamp: number,
  body: string,
): Record<string, string> {
  return signedHeaders(signingSecrets(endpoint, now), { id, timestamp, body });
}

async function pauseEndpoint(deps: EventDeps, endpoint: Endpoint): Promise<void> {
  await updateEndpoint(deps, endpoint.id, { state: 'paused', pausedAt: deps.now() });
  await holdWaiting(deps, endpoint.id);
  await tellAdmins(deps, `Webhook endpoint ${endpoint.url} failed for 24 hours and was paused.`, {
    template: 'endpoint-paused',
    url: endpoint.url,
  });
}
