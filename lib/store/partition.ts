import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import type { RecordDeps } from './read-model-keys';

/** Every item of one partition, parsed: one strongly consistent Query per MB. */
export async function readPartition<T>(
  deps: RecordDeps,
  pk: string,
  schema: z.ZodType<T>,
): Promise<T[]> {
  const items: T[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await deps.dynamo.send(
      new QueryCommand({
        TableName: deps.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []).map((item) => schema.parse(item)));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
