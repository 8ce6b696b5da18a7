import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { accountStatusSchema } from '../admin/directory-user';
import { readPartition } from './partition';
import type { RecordDeps } from './read-model-keys';

/**
 * The portal's copy of a Cognito account: what the admin pages show and what every signed-in
 * request checks (disabled, deleted, groups). Cognito stays the authority at sign-in and for
 * every step that grants access; these records keep page views off its control plane.
 */
export const customerRecordSchema = z.object({
  sub: z.string(),
  /** The pool's own Username, for the Admin* calls. */
  username: z.string(),
  email: z.string(),
  status: accountStatusSchema,
  createdAt: z.number().optional(),
  isAdmin: z.boolean(),
  /**
   * Every Cognito group of the account (the admin group, audiences). Absent on records written
   * before groups were kept: whoever needs them fills them from Cognito once.
   */
  groups: z.array(z.string()).optional(),
  recordedAt: z.number(),
});
export type CustomerRecord = z.infer<typeof customerRecordSchema>;

/*
 * Every account is one small item in the `RM#CUSTOMERS` partition (about 150 bytes: a single
 * strongly consistent Query returns some 6,000 of them), keyed by sub so that the use cases
 * changing an account update it without a read.
 */
const customersPk = 'RM#CUSTOMERS';
const itemKey = (sub: string) => ({ pk: customersPk, sk: `CUSTOMER#${sub}` });

export async function putCustomerRecord(deps: RecordDeps, record: CustomerRecord): Promise<void> {
  await deps.dynamo.send(
    new PutCommand({ TableName: deps.tableName, Item: { ...itemKey(record.sub), ...record } }),
  );
}

/**
 * Records an account as Cognito has it without a read: the fields given are set, an unknown
 * `isAdmin` (self sign-up knows nothing of groups) keeps what the record says, or false.
 */
export async function recordAccount(
  deps: RecordDeps,
  account: Omit<CustomerRecord, 'isAdmin' | 'recordedAt'> & { isAdmin?: boolean },
): Promise<CustomerRecord> {
  const fields = Object.entries({ ...account, recordedAt: deps.now() }).filter(
    ([, value]) => value !== undefined,
  );
  const sets = fields.map((_, index) => `#f${index} = :f${index}`);
  if (account.isAdmin === undefined) sets.push('isAdmin = if_not_exists(isAdmin, :no)');
  const { Attributes } = await deps.dynamo.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: itemKey(account.sub),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(
        fields.map(([name], index) => [`#f${index}`, name]),
      ),
      ExpressionAttributeValues: {
        ...Object.fromEntries(fields.map(([, value], index) => [`:f${index}`, value])),
        ...(account.isAdmin === undefined ? { ':no': false } : {}),
      },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return customerRecordSchema.parse(Attributes);
}

/** One account's record (strongly consistent: an admin's change counts from the next request). */
export async function customerRecord(
  deps: RecordDeps,
  sub: string,
): Promise<CustomerRecord | undefined> {
  const { Item } = await deps.dynamo.send(
    new GetCommand({ TableName: deps.tableName, Key: itemKey(sub), ConsistentRead: true }),
  );
  return Item ? customerRecordSchema.parse(Item) : undefined;
}

export async function deleteCustomerRecord(deps: RecordDeps, sub: string): Promise<void> {
  await deps.dynamo.send(new DeleteCommand({ TableName: deps.tableName, Key: itemKey(sub) }));
}

export type CustomerChange =
  Pick<CustomerRecord, 'status'> | { groups: string[]; isAdmin: boolean };

/**
 * Applies one change Cognito just accepted. An account the read model does not hold yet is
 * left alone: the next sync brings it in whole.
 */
export async function updateCustomerRecord(
  deps: RecordDeps,
  sub: string,
  change: CustomerChange,
): Promise<void> {
  const fields = Object.entries(change);
  try {
    await deps.dynamo.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: itemKey(sub),
        UpdateExpression: `SET ${fields.map((_, index) => `#f${index} = :f${index}`).join(', ')}, recordedAt = :at`,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: Object.fromEntries(
          fields.map(([name], index) => [`#f${index}`, name]),
        ),
        ExpressionAttributeValues: {
          ...Object.fromEntries(fields.map(([, value], index) => [`:f${index}`, value])),
          ':at': deps.now(),
        },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** Every account: one strongly consistent Query per MB. */
export function customerRecords(deps: RecordDeps): Promise<CustomerRecord[]> {
  return readPartition(deps, customersPk, customerRecordSchema);
}

/**
 * When the records were last reconciled with the whole pool (the sync writes it). Until the
 * first time, an account that has not signed in since the portal began keeping records (an
 * upgraded installation) has none: a key's owner without a record is unknown then, not gone.
 */
export const directoryReconciliationSchema = z.object({
  reconciledAt: z.number(),
  /** Accounts in the pool at that time. */
  accounts: z.number(),
});
export type DirectoryReconciliation = z.infer<typeof directoryReconciliationSchema>;

// Outside the records' partition, which customerRecords reads whole.
const reconciliationKey = { pk: 'RM#DIRECTORY', sk: 'RECONCILED' };

export async function directoryReconciliation(
  deps: RecordDeps,
): Promise<DirectoryReconciliation | undefined> {
  const { Item } = await deps.dynamo.send(
    new GetCommand({ TableName: deps.tableName, Key: reconciliationKey, ConsistentRead: true }),
  );
  return Item ? directoryReconciliationSchema.parse(Item) : undefined;
}

export async function markDirectoryReconciled(
  deps: RecordDeps,
  reconciliation: DirectoryReconciliation,
): Promise<void> {
  await deps.dynamo.send(
    new PutCommand({
      TableName: deps.tableName,
      Item: { ...reconciliationKey, ...directoryReconciliationSchema.parse(reconciliation) },
    }),
  );
}
