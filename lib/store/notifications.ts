import { randomUUID } from 'node:crypto';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';

export const notificationSchema = z.object({
  id: z.string(),
  at: z.number(),
  tone: z.enum(['success', 'info', 'warning']),
  message: z.string(),
});

export type Notification = z.infer<typeof notificationSchema>;

interface NotificationDeps {
  dynamo: DynamoDBDocumentClient;
  tableName: string;
  now: () => number;
}

const keepSeconds = 30 * 24 * 60 * 60;

/** A message for the customer's dashboard (kept 30 days). */
export async function notifyCustomer(
  deps: NotificationDeps,
  sub: string,
  notification: Pick<Notification, 'tone' | 'message'>,
): Promise<void> {
  const at = deps.now();
  await deps.dynamo.send(
    new PutCommand({
      TableName: deps.tableName,
      Item: {
        pk: `CUSTOMER#${sub}`,
        sk: `NOTE#${new Date(at).toISOString()}`,
        id: randomUUID(),
        at,
        expiresAtSeconds: Math.floor(at / 1000) + keepSeconds,
        ...notification,
      },
    }),
  );
}

export async function recentNotifications(
  deps: NotificationDeps,
  sub: string,
  limit = 5,
): Promise<Notification[]> {
  const result = await deps.dynamo.send(
    new QueryCommand({
      TableName: deps.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `CUSTOMER#${sub}`, ':prefix': 'NOTE#' },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  const cutoff = deps.now() - keepSeconds * 1000;
  return z
    .array(notificationSchema)
    .parse((result.Items ?? []).map(({ id, at, tone, message }) => ({ id, at, tone, message })))
    .filter((note) => note.at >= cutoff);
}

const seenKey = (sub: string) => ({ pk: `CUSTOMER#${sub}`, sk: 'NOTES-SEEN' });

/** Notifications newer than the last time the customer opened the list (at most 99 counted). */
export async function unreadNotificationCount(
  deps: NotificationDeps,
  sub: string,
): Promise<number> {
  const seen = await deps.dynamo.send(
    new GetCommand({ TableName: deps.tableName, Key: seenKey(sub) }),
  );
  const seenAt = z
    .number()
    .catch(0)
    .parse(seen.Item?.seenAt ?? 0);
  const since = Math.max(seenAt, deps.now() - keepSeconds * 1000);
  const result = await deps.dynamo.send(
    new QueryCommand({
      TableName: deps.tableName,
      // Notes are `NOTE#{iso}`: strictly after `since` and before the end of the NOTE# range.
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :since AND :last',
      ExpressionAttributeValues: {
        ':pk': `CUSTOMER#${sub}`,
        ':since': `NOTE#${new Date(since).toISOString()}~`,
        ':last': 'NOTE#~',
      },
      Select: 'COUNT',
      Limit: 99,
    }),
  );
  return result.Count ?? 0;
}

/** Opening the list marks everything in it read. */
export async function markNotificationsSeen(deps: NotificationDeps, sub: string): Promise<void> {
  await deps.dynamo.send(
    new PutCommand({ TableName: deps.tableName, Item: { ...seenKey(sub), seenAt: deps.now() } }),
  );
}
