import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { accountStatusSchema } from '../admin/directory-user';
import { readPartition } from './partition';
import type { RecordDeps } from './read-model-keys';

/**
 * The portal's copy of a Cognito account as the admin lists show it. Cognito stays the
 * authority (sign-in and every step that grants access ask it); these records let the
 * customers list read one partition instead of paging ListUsers.
 */
export const customerRecordSchema = z.object({
  sub: z.string(),
  /** The pool's own Username, for the Admin* calls. */
  username: z.string(),
  email: z.string(),
  status: accountStatusSchema,
  createdAt: z.number().optional(),
  isAdmin: z.boolean(),
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

export async function deleteCustomerRecord(deps: RecordDeps, sub: string): Promise<void> {
  await deps.dynamo.send(new DeleteCommand({ TableName: deps.tableName, Key: itemKey(sub) }));
}

export type CustomerChange = { status: CustomerRecord['status'] } | { isAdmin: boolean };

/**
 * Applies one change Cognito just accepted. An account the read model does not hold yet is
 * left alone: the next sync brings it in whole.
 */
export async function updateCustomerRecord(
  deps: RecordDeps,
  sub: string,
  change: CustomerChange,
): Promise<void> {
  const [name, value] =
    'status' in change ? ['status', change.status] : ['isAdmin', change.isAdmin];
  try {
    await deps.dynamo.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: itemKey(sub),
        UpdateExpression: 'SET #field = :value, recordedAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#field': name },
        ExpressionAttributeValues: { ':value': value, ':at': deps.now() },
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
