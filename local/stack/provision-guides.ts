import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { guideSchema } from '../../lib/guides/guide';
import { seedGuide, seedGuideId } from '../seed/seed-guides';

/**
 * Writes the seed guide, published, into a table that has no guides yet (an admin's own guides,
 * or their deletion of the seed's, are never overwritten). Same item shape as lib/store/guides.
 */
export async function provisionGuides(
  client: DynamoDBDocumentClient,
  tableName: string,
): Promise<void> {
  const existing = await client.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': 'GUIDES' },
      Limit: 1,
    }),
  );
  if ((existing.Items ?? []).length > 0) return;
  const guide = guideSchema.parse({
    id: seedGuideId,
    draft: seedGuide,
    published: { ...seedGuide, publishedAt: 1, publishedBy: 'seed' },
    updatedAt: 1,
    updatedBy: 'seed',
  });
  await client.send(
    new PutCommand({ TableName: tableName, Item: { pk: 'GUIDES', sk: guide.id, ...guide } }),
  );
}
