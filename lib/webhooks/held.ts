import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { queryPages } from '../store/partition';
import {
  enqueueJob,
  finishJob,
  parkJob,
  retryJob,
  unparkJob,
  waitingJobs,
  type JobKey,
  type OutboxDeps,
} from '../events/outbox';
import { getEndpoint } from './endpoints';

/**
 * A paused endpoint holds what it would have been sent: every delivery that comes due while it
 * is paused (new events, retries under way, the one whose failures paused it) is parked, in
 * event order, in its own partition of the outbox index. Resuming the endpoint queues one
 * release job, which puts them back in the outbox oldest first, each with a fresh 24 h of
 * retries under its own webhook-id; the ordinary delivery job sends them. Events older than
 * `holdWindowMs` when the endpoint is resumed are not sent (Stripe, too, keeps events 30 days).
 */
export const holdWindowMs = 30 * 24 * 60 * 60 * 1000;

const heldIn = (endpointId: string) => `WEBHOOK-HELD#${endpointId}`;
/** Held deliveries sort as `DELIVERY#{event time}#{id}`: older than this has expired. */
const holdCutoff = (now: number) => `DELIVERY#${new Date(now - holdWindowMs).toISOString()}`;
/** Deliveries taken out per release step, so one step stays well inside the job's lease. */
const releasePage = 25;
/**
 * The index is eventually consistent: a delivery parked in the moment before the resume may
 * show there a little later, so the release looks once more after this long.
 */
const settleMs = 10_000;

const released = (now: number) => ({
  state: 'pending',
  attempts: 0,
  createdAt: now,
  heldAt: undefined,
});

/**
 * Parks a due delivery because its endpoint is paused. A resume between the caller's read of
 * the endpoint and this park would not see it, so the endpoint is read again (strongly) and,
 * if it is active by now, the delivery goes straight back to the outbox.
 */
export async function holdDelivery(
  deps: OutboxDeps,
  key: JobKey,
  endpointId: string,
  fields: Record<string, unknown> = {},
  seen?: string,
): Promise<void> {
  const now = deps.now();
  const parked = { ...fields, state: 'held', heldAt: now };
  if (!(await parkJob(deps, key, heldIn(endpointId), parked, seen))) return;
  const endpoint = await getEndpoint(deps, endpointId, { consistent: true });
  if (endpoint?.state === 'active')
    await unparkJob(deps, key, heldIn(endpointId), released(now), now);
}

/**
 * Called when an endpoint is paused: its deliveries waiting for a retry are held at once
 * rather than when they next come due (up to 4 h later), so the held count is complete. One
 * that a worker is attempting at this moment ends as that attempt records it (delivered, or
 * back in the outbox, where its next attempt holds it).
 */
export async function holdWaiting(deps: OutboxDeps, endpointId: string): Promise<void> {
  for (const job of await waitingJobs(deps, `WEBHOOK#${endpointId}`)) {
    if (job.item.kind === 'delivery') await holdDelivery(deps, job, endpointId, {}, job.gsi1sk);
  }
}

/** Called when an endpoint is resumed: the outbox releases what it holds on its next run. */
export async function queueRelease(deps: OutboxDeps, endpointId: string): Promise<void> {
  const at = new Date(deps.now()).toISOString();
  await enqueueJob(
    deps,
    { pk: `WEBHOOK#${endpointId}`, sk: `RELEASE#${at}` },
    { kind: 'release', endpointId },
  );
}

async function heldPage(deps: OutboxDeps, endpointId: string, range: 'expired' | 'current') {
  const result = await deps.dynamo.send(
    new QueryCommand({
      TableName: deps.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: `gsi1pk = :held AND gsi1sk ${range === 'expired' ? '<' : '>='} :cutoff`,
      ExpressionAttributeValues: { ':held': heldIn(endpointId), ':cutoff': holdCutoff(deps.now()) },
      Limit: releasePage,
    }),
  );
  const keys = (result.Items ?? []).map((item) => ({ pk: String(item.pk), sk: String(item.sk) }));
  return { keys, more: result.LastEvaluatedKey !== undefined };
}

/**
 * The release job: a page of expired held deliveries is closed as not sent, a page of the rest
 * goes back to the outbox due now (ordered by event time, so sent oldest first), and the job
 * comes back for the next pages, then once more after `settleMs`. An endpoint paused again
 * meanwhile keeps what is left.
 */
export async function releaseHeld(
  deps: OutboxDeps,
  key: JobKey,
  item: Record<string, unknown>,
): Promise<void> {
  const endpointId = String(item.endpointId);
  const endpoint = await getEndpoint(deps, endpointId, { consistent: true });
  if (endpoint?.state !== 'active') return finishJob(deps, key, { state: 'done' });
  const now = deps.now();
  const expired = await heldPage(deps, endpointId, 'expired');
  for (const held of expired.keys) {
    await unparkJob(deps, held, heldIn(endpointId), {
      state: 'failed',
      error: 'Not sent: held for more than 30 days while the endpoint was paused.',
    });
  }
  const current = await heldPage(deps, endpointId, 'current');
  for (const held of current.keys)
    await unparkJob(deps, held, heldIn(endpointId), released(now), now);
  if (expired.more || current.more) return retryJob(deps, key, now, {});
  if (item.settled !== true) return retryJob(deps, key, now + settleMs, { settled: true });
  await finishJob(deps, key, { state: 'done' });
}

/** How many held deliveries of an endpoint resuming it would send. */
export async function heldCount(deps: OutboxDeps, endpointId: string): Promise<number> {
  let count = 0;
  await queryPages(
    deps,
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :held AND gsi1sk >= :cutoff',
      ExpressionAttributeValues: { ':held': heldIn(endpointId), ':cutoff': holdCutoff(deps.now()) },
      Select: 'COUNT',
    },
    (page) => (count += page.Count ?? 0),
  );
  return count;
}
