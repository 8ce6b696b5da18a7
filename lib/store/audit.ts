import { randomUUID } from 'node:crypto';
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { recordEvent } from '../events/record-event';

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
  // An admin's upgrade offer (issue 16), and the customer's answer to it.
  'request.offered',
  'request.accepted',
  'request.declined',
  // Admin console (issue 10). Plan changes, imports and keys without an owner concern no one
  // customer: their `customerSub` names the subject instead (`plan:{id}`, `import`,
  // `unowned-keys`).
  'key.enabled',
  'key.imported',
  'key.repaired',
  'account.disabled',
  'account.enabled',
  'account.deleted',
  'account.invited',
  'admin.promoted',
  'admin.demoted',
  'plan.created',
  'plan.updated',
  'plan.deleted',
  // Audiences (issue 18): creating and renaming one names `audience:{id}` as the subject;
  // membership changes name the customer.
  'audience.created',
  'audience.renamed',
  'audience.member-added',
  'audience.member-removed',
  // Events (issue 16): a self sign-up confirmed, and a usage threshold crossed (by the sweep).
  'account.created',
  'quota.threshold',
  // Guides: the subject is `guide:{id}`.
  'guide.saved',
  'guide.published',
  'guide.unpublished',
  'guide.restored',
  // The read model's sync repaired drift made outside the portal (subject: the key's owner,
  // or `sync`).
  'readmodel.repaired',
  // Webhook endpoints (customerSub `webhooks`).
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
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

/**
 * Appends to the customer's trail and to the account-wide trail (gsi1) in one item, and puts
 * the change's public event (if it has one) into the outbox: notifications, e-mail and
 * webhooks are all fed from here.
 */
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
  await recordEvent(deps, full);
  return full;
}

/** The account-wide trail (gsi1), newest first, between two instants (both included). */
export async function accountAudit(
  deps: AuditDeps,
  range: { from: number; to: number },
  limit = 1000,
): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await deps.dynamo.send(
      new QueryCommand({
        TableName: deps.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :audit AND gsi1sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':audit': 'AUDIT',
          ':from': new Date(range.from).toISOString(),
          // The sort key is `{iso}#{id}`: '~' sorts after '#', so `to`'s own entries are in.
          ':to': `${new Date(range.to).toISOString()}~`,
        },
        ScanIndexForward: false,
        Limit: limit - entries.length,
        ExclusiveStartKey: start,
      }),
    );
    entries.push(...z.array(auditEntrySchema).parse(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start && entries.length < limit);
  return entries;
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
