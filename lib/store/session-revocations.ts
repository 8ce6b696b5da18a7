import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableKeys } from './table-schema';

export interface RevocationDeps {
  dynamo: DynamoDBDocumentClient;
  tableName: string;
  now: () => number;
}

/**
 * Sessions ended on the server (signing out): a record per session id, kept until the last
 * cookie that could carry that id has expired, then removed by DynamoDB's TTL. Reads compare
 * the expiry themselves, as TTL deletion can lag by a day (and dynalite has none).
 */
const keyOf = (sessionId: string) => ({ pk: `SESSION#${sessionId}`, sk: 'REVOKED' });

export async function recordRevokedSession(
  deps: RevocationDeps,
  sessionId: string,
  keepUntilMs: number,
): Promise<void> {
  await deps.dynamo.send(
    new PutCommand({
      TableName: deps.tableName,
      Item: {
        ...keyOf(sessionId),
        revokedAt: deps.now(),
        [tableKeys.ttl]: Math.ceil(keepUntilMs / 1000),
      },
    }),
  );
}

export async function isSessionRevoked(deps: RevocationDeps, sessionId: string): Promise<boolean> {
  const { Item } = await deps.dynamo.send(
    new GetCommand({ TableName: deps.tableName, Key: keyOf(sessionId), ConsistentRead: true }),
  );
  const expiresAt = Item?.[tableKeys.ttl];
  return typeof expiresAt === 'number' && expiresAt * 1000 > deps.now();
}
