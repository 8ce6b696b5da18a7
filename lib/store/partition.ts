import {
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import type { RecordDeps } from './read-model-keys';

/** Runs a Query on the table page by page (one call per MB), handing each page to `onPage`. */
export async function queryPages(
  deps: RecordDeps,
  query: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
  onPage: (page: QueryCommandOutput) => void,
): Promise<void> {
  let start: Record<string, unknown> | undefined;
  do {
    const page = await deps.dynamo.send(
      new QueryCommand({ ...query, TableName: deps.tableName, ExclusiveStartKey: start }),
    );
    onPage(page);
    start = page.LastEvaluatedKey;
  } while (start);
}

/** Every item of one partition, parsed: one strongly consistent Query per MB. */
export async function readPartition<T>(
  deps: RecordDeps,
  pk: string,
  schema: z.ZodType<T>,
): Promise<T[]> {
  const items: T[] = [];
  await queryPages(
    deps,
    {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ConsistentRead: true,
    },
    (page) => items.push(...(page.Items ?? []).map((item) => schema.parse(item))),
  );
  return items;
}
