import { randomBytes } from 'node:crypto';
import {
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { queryPages } from '../store/partition';

export interface OutboxDeps {
  dynamo: DynamoDBDocumentClient;
  tableName: string;
  now: () => number;
}

/**
 * The outbox is every record with `gsi1pk = OUTBOX`: events waiting to be fanned out,
 * webhook deliveries and mails waiting to be sent. `gsi1sk` starts with the instant the job
 * is due, so one query finds what is due; a finished job drops the two attributes and leaves
 * the (sparse) index.
 */
const outboxKey = 'OUTBOX';
/** A claimed job is hidden this long; a worker that dies mid-job frees it for the next run. */
const leaseMs = 2 * 60 * 1000;

export interface JobKey {
  pk: string;
  sk: string;
}

export interface DueJob extends JobKey {
  gsi1sk: string;
  item: Record<string, unknown>;
}

export const dueMarker = (at: number, key: JobKey) =>
  `${new Date(at).toISOString()}#${key.pk}#${key.sk}`;

/** `msg_` + 24 random base62-ish characters: the webhook-id of an event. */
export function newMessageId(): string {
  return `msg_${randomBytes(18)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 24)}`;
}

/** Adds a job unless one with the same key exists (fan-out may run twice after a crash). */
export async function enqueueJob(
  deps: OutboxDeps,
  key: JobKey,
  fields: Record<string, unknown>,
  dueAt = deps.now(),
): Promise<boolean> {
  try {
    await deps.dynamo.send(
      new PutCommand({
        TableName: deps.tableName,
        Item: { ...fields, ...key, gsi1pk: outboxKey, gsi1sk: dueMarker(dueAt, key) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

export async function dueJobs(deps: OutboxDeps, limit = 25): Promise<DueJob[]> {
  const result = await deps.dynamo.send(
    new QueryCommand({
      TableName: deps.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :outbox AND gsi1sk <= :now',
      ExpressionAttributeValues: {
        ':outbox': outboxKey,
        ':now': `${new Date(deps.now()).toISOString()}~`,
      },
      Limit: limit,
    }),
  );
  return (result.Items ?? []).map((item) => ({
    pk: String(item.pk),
    sk: String(item.sk),
    gsi1sk: String(item.gsi1sk),
    item,
  }));
}

/** Takes a due job for this worker; false when another worker took it first. */
export async function claimJob(deps: OutboxDeps, job: DueJob): Promise<boolean> {
  return conditional(
    deps.dynamo.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: { pk: job.pk, sk: job.sk },
        UpdateExpression: 'SET gsi1sk = :lease',
        ConditionExpression: 'gsi1sk = :seen',
        ExpressionAttributeValues: {
          ':seen': job.gsi1sk,
          ':lease': dueMarker(deps.now() + leaseMs, job),
        },
      }),
    ),
  );
}

/** Leaves the outbox for good, recording how it ended. */
export async function finishJob(
  deps: OutboxDeps,
  key: JobKey,
  fields: Record<string, unknown>,
): Promise<void> {
  await updateJob(deps, key, fields, 'gsi1pk, gsi1sk');
}

/** Stays in the outbox, due again at `dueAt`. */
export async function retryJob(
  deps: OutboxDeps,
  key: JobKey,
  dueAt: number,
  fields: Record<string, unknown>,
): Promise<void> {
  await updateJob(deps, key, { ...fields, gsi1pk: outboxKey, gsi1sk: dueMarker(dueAt, key) });
}

/**
 * Leaves the outbox without finishing: parked in `partition` of the index (ordered by its sort
 * key) until `unparkJob` takes it out. A held webhook delivery waits so for its endpoint.
 */
export async function parkJob(
  deps: OutboxDeps,
  key: JobKey,
  partition: string,
  fields: Record<string, unknown>,
  seen?: string,
): Promise<boolean> {
  // With `seen`, only a job still waiting as it was seen: not one a worker has claimed since.
  const unclaimed = seen ? { expression: 'gsi1sk = :seen', values: { ':seen': seen } } : undefined;
  return conditional(
    updateJob(deps, key, { ...fields, gsi1pk: partition, gsi1sk: key.sk }, undefined, unclaimed),
  );
}

/** The jobs of one record partition still in the outbox (every page; a pause reads them). */
export async function waitingJobs(deps: OutboxDeps, pk: string): Promise<DueJob[]> {
  const jobs: DueJob[] = [];
  await queryPages(
    deps,
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :outbox',
      FilterExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':outbox': outboxKey, ':pk': pk },
    },
    (page) => {
      for (const item of page.Items ?? [])
        jobs.push({ pk: String(item.pk), sk: String(item.sk), gsi1sk: String(item.gsi1sk), item });
    },
  );
  return jobs;
}

/**
 * Takes a parked job out of its partition: back into the outbox due at `dueAt`, or finished for
 * good without `dueAt`. False when it was no longer parked there (another worker took it out
 * first), so a parked job is never taken out twice.
 */
export async function unparkJob(
  deps: OutboxDeps,
  key: JobKey,
  partition: string,
  fields: Record<string, unknown>,
  dueAt?: number,
): Promise<boolean> {
  const parked = { expression: 'gsi1pk = :parkedIn', values: { ':parkedIn': partition } };
  return conditional(
    dueAt === undefined
      ? updateJob(deps, key, fields, 'gsi1pk, gsi1sk', parked)
      : updateJob(
          deps,
          key,
          { ...fields, gsi1pk: outboxKey, gsi1sk: dueMarker(dueAt, key) },
          undefined,
          parked,
        ),
  );
}

/** Sets the given fields; a field given as undefined is removed (an old error, say). */
async function updateJob(
  deps: OutboxDeps,
  key: JobKey,
  fields: Record<string, unknown>,
  extra?: string,
  condition?: { expression: string; values: Record<string, unknown> },
): Promise<void> {
  const names = Object.keys(fields).filter((name) => fields[name] !== undefined);
  const removed = Object.keys(fields).filter((name) => fields[name] === undefined);
  const set = names.map((name, index) => `#f${index} = :v${index}`).join(', ');
  const remove = [...removed.map((_, index) => `#r${index}`), ...(extra ? [extra] : [])];
  await deps.dynamo.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: { pk: key.pk, sk: key.sk },
      UpdateExpression: [
        set ? `SET ${set}` : '',
        remove.length ? `REMOVE ${remove.join(', ')}` : '',
      ]
        .join(' ')
        .trim(),
      ConditionExpression: condition?.expression ?? 'attribute_exists(pk)',
      ExpressionAttributeNames: {
        ...Object.fromEntries(names.map((name, index) => [`#f${index}`, name])),
        ...Object.fromEntries(removed.map((name, index) => [`#r${index}`, name])),
      },
      ExpressionAttributeValues:
        names.length || condition
          ? {
              ...Object.fromEntries(names.map((name, index) => [`:v${index}`, fields[name]])),
              ...condition?.values,
            }
          : undefined,
    }),
  );
}

async function conditional(sending: Promise<unknown>): Promise<boolean> {
  try {
    await sending;
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
