import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RecordDeps } from './read-model-keys';

/** Shown as it is: "Sync now" while the scheduled sync (or another server's) is running. */
export class SyncRunningError extends Error {
  constructor() {
    super('A sync is already running. Its results will show here when it finishes.');
    this.name = 'SyncRunningError';
  }
}

/**
 * Long enough for a slow page of keys at the call budget's pace; the holder renews it after
 * every page, so a crashed run frees the lock within this time and a live one never loses it.
 */
export const syncLeaseMs = 120_000;

const lockKey = { pk: 'RM#SYNC', sk: 'LOCK' };

export interface SyncLease {
  /** Extends the lease; throws SyncRunningError if another run took it over meanwhile. */
  renew(): Promise<void>;
  release(): Promise<void>;
}

/**
 * One sync at a time across the scheduled job, "Sync now" and every server: a conditional put
 * that only one caller wins (or takes over once the holder's lease has expired). The loser is
 * told at once rather than queued: the running sync does the same work.
 */
export async function acquireSyncLease(deps: RecordDeps): Promise<SyncLease> {
  const owner = randomUUID();
  const mine = {
    ConditionExpression: '#owner = :owner',
    ExpressionAttributeNames: { '#owner': 'owner' },
  };
  try {
    await deps.dynamo.send(
      new PutCommand({
        TableName: deps.tableName,
        Item: { ...lockKey, owner, expiresAt: deps.now() + syncLeaseMs },
        ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
        ExpressionAttributeValues: { ':now': deps.now() },
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new SyncRunningError();
    throw error;
  }
  return {
    async renew() {
      try {
        await deps.dynamo.send(
          new UpdateCommand({
            TableName: deps.tableName,
            Key: lockKey,
            UpdateExpression: 'SET expiresAt = :until',
            ...mine,
            ExpressionAttributeValues: { ':owner': owner, ':until': deps.now() + syncLeaseMs },
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) throw new SyncRunningError();
        throw error;
      }
    },
    async release() {
      await deps.dynamo
        .send(
          new DeleteCommand({
            TableName: deps.tableName,
            Key: lockKey,
            ...mine,
            ExpressionAttributeValues: { ':owner': owner },
          }),
        )
        .catch((error: unknown) => {
          // Our lease expired and another run holds the lock: theirs to release.
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        });
    },
  };
}
