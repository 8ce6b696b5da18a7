import { randomUUID } from 'node:crypto';
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';

export const auditActionSchema = z.enum([
  'key.created',
  'key.revealed',
  'key.rotated',
  'key.disabled',
  'subscription.added',
  'subscription.moved',
  'subscription.removed',
  'request.created',
  'request.cancelled',
  'request.approved',
  'request.rejected',
]);

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.number(),
  /** Who did it: the customer themself or an admin (their sub and email). */
  actor: z.object({ sub: z.string(), email: z.string() }),
  /** Whose account it concerns. */
  customerSub: z.string(),
  action: auditActionSchema,
  details: z.record(z.string(), z.string()),
});

export type AuditEntry = z.infer<typeof auditEntrySchema>;

interface AuditDeps {
  dynamo: DynamoDBDocumentClient;
  tableName: string;
  now: () => number;
}

/** Appends to the customer's trail and to the account-wide trail (gsi1) in one item. */
export async function recordAudit(
  deps: AuditDeps,
  entry: Omit<AuditEntry, 'id' | 'at'>,
): Promise<AuditEntry> {
  const at = deps.now();
  const full = { ...entry, id: randomUUID(), at };
  const sortKey = `${new Date(at).toISOString()}#${full.id}`;
  await deps.dynamo.send(
    new PutCommand({
      TableName: deps.tableName,
      Item: {
        pk: `AUDIT#${entry.customerSub}`,
        sk: sortKey,
        gsi1pk: 'AUDIT',
        gsi1sk: sortKey,
        ...full,
      },
    }),
  );
  return full;
}

/** A customer's trail, newest first. */
export async function customerAudit(
  deps: AuditDeps,
  customerSub: string,
  limit = 50,
): Promise<AuditEntry[]> {
  const result = await deps.dynamo.send(
    new QueryCommand({
      TableName: deps.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `AUDIT#${customerSub}` },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return z.array(auditEntrySchema).parse(result.Items ?? []);
}
