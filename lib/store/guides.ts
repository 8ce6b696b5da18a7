import 'server-only';
import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { guideContentSchema, guideSchema, type Guide, type GuideContent } from '../guides/guide';

export interface GuideStoreDeps {
  dynamo: DynamoDBDocumentClient;
  tableName: string;
  now: () => number;
}

/*
 * Storage: every guide is one item in the `GUIDES` partition holding its draft and its
 * published version, so the navigation, the pages and the search index are one Query. Each
 * change also appends a revision to `GUIDE_HISTORY#{id}` (newest last), for history and restore.
 * A guide's `updatedAt` guards its writes: two admins cannot overwrite each other unseen.
 */
const guidesPk = 'GUIDES';
const historyPk = (id: string) => `GUIDE_HISTORY#${id}`;

export const guideRevisionSchema = z.object({
  revisionId: z.string(),
  guideId: z.string(),
  at: z.number(),
  by: z.string(),
  /** What happened: the draft saved, published, unpublished or restored from a revision. */
  change: z.enum(['saved', 'published', 'unpublished', 'restored']),
  content: guideContentSchema,
});
export type GuideRevision = z.infer<typeof guideRevisionSchema>;

export class GuideChangedError extends Error {
  constructor() {
    super('Someone else changed this guide meanwhile. Reload the page to see their version.');
    this.name = 'GuideChangedError';
  }
}

export async function readGuides(deps: GuideStoreDeps): Promise<Guide[]> {
  const guides: Guide[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await deps.dynamo.send(
      new QueryCommand({
        TableName: deps.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': guidesPk },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    guides.push(...z.array(guideSchema).parse(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return guides;
}

/**
 * Writes the guide if nobody changed it since `expectedUpdatedAt` was read (undefined: it
 * must not exist yet), and records the revision.
 */
export async function writeGuide(
  deps: GuideStoreDeps,
  guide: Guide,
  expectedUpdatedAt: number | undefined,
  change: GuideRevision['change'],
  content: GuideContent,
): Promise<void> {
  try {
    await deps.dynamo.send(
      new PutCommand({
        TableName: deps.tableName,
        Item: { pk: guidesPk, sk: guide.id, ...guide },
        ...(expectedUpdatedAt === undefined
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : {
              ConditionExpression: 'updatedAt = :expected',
              ExpressionAttributeValues: { ':expected': expectedUpdatedAt },
            }),
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new GuideChangedError();
    throw error;
  }
  const revisionId = randomUUID();
  await deps.dynamo.send(
    new PutCommand({
      TableName: deps.tableName,
      Item: {
        pk: historyPk(guide.id),
        sk: `${new Date(guide.updatedAt).toISOString()}#${revisionId}`,
        revisionId,
        guideId: guide.id,
        at: guide.updatedAt,
        by: guide.updatedBy,
        change,
        content,
      },
    }),
  );
}

/** A guide's revisions, newest first. */
export async function guideHistory(
  deps: GuideStoreDeps,
  guideId: string,
  limit = 50,
): Promise<GuideRevision[]> {
  const page = await deps.dynamo.send(
    new QueryCommand({
      TableName: deps.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': historyPk(guideId) },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return z.array(guideRevisionSchema).parse(page.Items ?? []);
}
