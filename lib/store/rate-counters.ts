import { createHash } from 'node:crypto';
import {
  DeleteCommand,
  GetCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { tableKeys } from './table-schema';

export interface CounterDeps {
  dynamo: DynamoDBDocumentClient;
  tableName: string;
  now: () => number;
}

/** How many hits one key may make in one fixed window. */
export interface RateRule {
  name: string;
  limit: number;
  windowMs: number;
}

/**
 * Rate counters every server instance shares: one item per rule, key and fixed window, counted
 * with an atomic `ADD` (no read-then-write race between instances), removed by the table's TTL
 * once the window is long past. Keys (emails, addresses) are stored hashed.
 */
function itemKey(rule: RateRule, key: string, now: number) {
  const window = Math.floor(now / rule.windowMs) * rule.windowMs;
  const hashed = createHash('sha256').update(key).digest('base64url').slice(0, 32);
  return { key: { pk: `RATE#${rule.name}#${hashed}`, sk: String(window) }, window };
}

/** Counts one hit and returns the window's count including it. */
export async function countHit(deps: CounterDeps, rule: RateRule, key: string): Promise<number> {
  const { key: item, window } = itemKey(rule, key, deps.now());
  const answer = await deps.dynamo.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: item,
      UpdateExpression: 'SET #ttl = if_not_exists(#ttl, :ttl) ADD hits :one',
      ExpressionAttributeNames: { '#ttl': tableKeys.ttl },
      ExpressionAttributeValues: {
        ':one': 1,
        ':ttl': Math.ceil((window + 2 * rule.windowMs) / 1000) + 60,
      },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(answer.Attributes?.hits ?? 1);
}

export async function currentHits(deps: CounterDeps, rule: RateRule, key: string): Promise<number> {
  const { key: item } = itemKey(rule, key, deps.now());
  const { Item } = await deps.dynamo.send(
    new GetCommand({ TableName: deps.tableName, Key: item, ConsistentRead: true }),
  );
  return Number(Item?.hits ?? 0);
}

export async function clearHits(deps: CounterDeps, rule: RateRule, key: string): Promise<void> {
  const { key: item } = itemKey(rule, key, deps.now());
  await deps.dynamo.send(new DeleteCommand({ TableName: deps.tableName, Key: item }));
}
