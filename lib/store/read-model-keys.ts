import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';

export interface RecordDeps {
  dynamo: DynamoDBDocumentClient;
  tableName: string;
  now: () => number;
}

/**
 * The portal's copy of an API Gateway key and its plan memberships (never its value). API
 * Gateway stays the authority: these records serve page views, and what grants access
 * re-checks API Gateway.
 */
export const keyRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  customerId: z.string().optional(),
  enabled: z.boolean(),
  createdAt: z.number().optional(),
  tags: z.record(z.string(), z.string()),
  planIds: z.array(z.string()),
  /** The key's gateway (lib/config/gateways), absent for home; see lib/gateway/mirror-keys. */
  gateway: z.string().optional(),
  /** When this record was last written (ms). */
  recordedAt: z.number(),
});
export type KeyRecord = z.infer<typeof keyRecordSchema>;

/*
 * Every key is one item in the `RM#KEYS` partition (the sync reads it whole, strongly
 * consistent). An owned key is also in gsi1's `RM#OWNED-KEYS` partition, sorted by its owner:
 * one customer's keys are a prefix of it, and the admin customers list reads only the owned
 * keys (a few hundred) rather than every key in the account (imports can bring thousands).
 * Plan memberships are a string set on the item, so adding or removing one is a single atomic
 * update, no read first.
 */
const keysPk = 'RM#KEYS';
const ownedPk = 'RM#OWNED-KEYS';
const itemKey = (keyId: string) => ({ pk: keysPk, sk: `KEY#${keyId}` });
const ownerIndex = (sub: string, keyId: string) => ({
  gsi1pk: ownedPk,
  gsi1sk: `${sub}#${keyId}`,
});

function toItem(record: KeyRecord) {
  const { planIds, ...rest } = record;
  return {
    ...itemKey(record.id),
    ...(record.customerId ? ownerIndex(record.customerId, record.id) : {}),
    ...rest,
    ...(planIds.length > 0 ? { planIds: new Set(planIds) } : {}),
  };
}

function fromItem(item: Record<string, unknown>): KeyRecord {
  const planIds = item.planIds instanceof Set ? [...(item.planIds as Set<string>)] : [];
  return keyRecordSchema.parse({ ...item, planIds: planIds.sort() });
}

export async function putKeyRecord(deps: RecordDeps, record: KeyRecord): Promise<void> {
  await deps.dynamo.send(new PutCommand({ TableName: deps.tableName, Item: toItem(record) }));
}

/** One key's record, or undefined when the read model does not hold it (yet). */
export async function keyRecord(deps: RecordDeps, keyId: string): Promise<KeyRecord | undefined> {
  const answer = await deps.dynamo.send(
    new GetCommand({ TableName: deps.tableName, Key: itemKey(keyId), ConsistentRead: true }),
  );
  return answer.Item ? fromItem(answer.Item) : undefined;
}

export async function deleteKeyRecord(deps: RecordDeps, keyId: string): Promise<void> {
  await deps.dynamo.send(new DeleteCommand({ TableName: deps.tableName, Key: itemKey(keyId) }));
}

export type KeyChange =
  | { planAdded: string }
  | { planRemoved: string }
  | { enabled: boolean }
  | { tags: Record<string, string> }
  | { untag: string[] }
  | { customerId: string };

/**
 * Applies one change API Gateway just accepted. A key the read model does not hold yet is left
 * alone (no partial record is created): the next sync brings it in whole.
 */
export async function updateKeyRecord(
  deps: RecordDeps,
  keyId: string,
  change: KeyChange,
): Promise<void> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':at': deps.now() };
  let expression: string;
  if ('planAdded' in change) {
    expression = 'ADD planIds :plan SET recordedAt = :at';
    values[':plan'] = new Set([change.planAdded]);
  } else if ('planRemoved' in change) {
    expression = 'DELETE planIds :plan SET recordedAt = :at';
    values[':plan'] = new Set([change.planRemoved]);
  } else if ('enabled' in change) {
    expression = 'SET enabled = :enabled, recordedAt = :at';
    values[':enabled'] = change.enabled;
  } else if ('customerId' in change) {
    const index = ownerIndex(change.customerId, keyId);
    expression = 'SET customerId = :customer, gsi1pk = :gsi1pk, gsi1sk = :gsi1sk, recordedAt = :at';
    values[':customer'] = change.customerId;
    values[':gsi1pk'] = index.gsi1pk;
    values[':gsi1sk'] = index.gsi1sk;
  } else if ('tags' in change) {
    const sets = Object.entries(change.tags).map(([tag, value], index) => {
      names[`#t${index}`] = tag;
      values[`:t${index}`] = value;
      return `tags.#t${index} = :t${index}`;
    });
    expression = `SET ${[...sets, 'recordedAt = :at'].join(', ')}`;
  } else {
    const removes = change.untag.map((tag, index) => {
      names[`#t${index}`] = tag;
      return `tags.#t${index}`;
    });
    expression = `REMOVE ${removes.join(', ')} SET recordedAt = :at`;
  }
  try {
    await deps.dynamo.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: itemKey(keyId),
        UpdateExpression: expression,
        ConditionExpression: 'attribute_exists(pk)',
        ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
        ExpressionAttributeValues: values,
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

const isHome = (record: KeyRecord) => record.gateway === undefined;

/**
 * A customer's home key records, newest first: one Query of gsi1. Their copies in other
 * gateways (same value, lib/gateway/mirror-keys) are not separate keys to the customer.
 */
export async function customerKeyRecords(deps: RecordDeps, sub: string): Promise<KeyRecord[]> {
  const records = await queryAll(deps, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :owner)',
    ExpressionAttributeValues: { ':pk': ownedPk, ':owner': `${sub}#` },
  });
  return records.filter(isHome).sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0));
}

/** The home keys that have an owner (`customerId`), whoever it is: one Query of gsi1 per MB. */
export async function ownedKeyRecords(deps: RecordDeps): Promise<KeyRecord[]> {
  const records = await queryAll(deps, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': ownedPk },
  });
  return records.filter(isHome);
}

/** Every home key record: one Query per MB (a few thousand keys). */
export function allKeyRecords(deps: RecordDeps): Promise<KeyRecord[]> {
  return gatewayKeyRecords(deps);
}

/** The key records of one gateway: home's without `gateway`. */
export async function gatewayKeyRecords(deps: RecordDeps, gateway?: string): Promise<KeyRecord[]> {
  const records = await queryAll(deps, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keysPk },
    ConsistentRead: true,
  });
  return records.filter((record) => record.gateway === gateway);
}

async function queryAll(
  deps: RecordDeps,
  query: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>,
): Promise<KeyRecord[]> {
  const records: KeyRecord[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await deps.dynamo.send(
      new QueryCommand({ ...query, TableName: deps.tableName, ExclusiveStartKey: start }),
    );
    records.push(...(page.Items ?? []).map(fromItem));
    start = page.LastEvaluatedKey;
  } while (start);
  return records;
}
