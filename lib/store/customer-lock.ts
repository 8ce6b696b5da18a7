import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface LockDeps {
  dynamo: DynamoDBDocumentClient;
  tableName: string;
  now: () => number;
}

export class CustomerBusyError extends Error {
  constructor() {
    super('Another change to your subscriptions is still in progress. Try again in a moment.');
    this.name = 'CustomerBusyError';
  }
}

/** A lease long enough for the slowest change (a move with retries), short enough to recover. */
const leaseMs = 30_000;
const waitBudgetMs = 20_000;

/**
 * Runs `change` while holding the customer's lock: a conditional put in DynamoDB that only one
 * caller wins, on any number of server instances. It serialises a customer's double clicks,
 * retries and concurrent requests, so each sees what the previous one did; a crashed holder's
 * lease expires.
 */
export async function withCustomerLock<T>(
  deps: LockDeps,
  sub: string,
  change: () => Promise<T>,
): Promise<T> {
  const owner = randomUUID();
  const key = { pk: `CUSTOMER#${sub}`, sk: 'LOCK' };
  const started = deps.now();
  for (let attempt = 0; ; attempt += 1) {
    try {
      await deps.dynamo.send(
        new PutCommand({
          TableName: deps.tableName,
          Item: { ...key, owner, expiresAt: deps.now() + leaseMs },
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
          ExpressionAttributeValues: { ':now': deps.now() },
        }),
      );
      break;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      if (deps.now() - started > waitBudgetMs) throw new CustomerBusyError();
      await sleep(Math.min(1000, 25 * 2 ** attempt) * (0.5 + Math.random()));
    }
  }
  try {
    return await change();
  } finally {
    await deps.dynamo
      .send(
        new DeleteCommand({
          TableName: deps.tableName,
          Key: key,
          ConditionExpression: '#owner = :owner',
          ExpressionAttributeNames: { '#owner': 'owner' },
          ExpressionAttributeValues: { ':owner': owner },
        }),
      )
      .catch((error: unknown) => {
        // Our lease already expired and someone else holds the lock: theirs to release.
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
