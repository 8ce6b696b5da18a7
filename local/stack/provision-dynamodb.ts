import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableKeys } from '../../lib/store/table-schema';

/**
 * Creates the portal's table unless it exists, and returns once it is ACTIVE: a table still
 * CREATING answers "resource not found" to reads and writes (dynalite flips the status on a
 * timer, which a busy machine delays; DynamoDB itself takes seconds).
 */
export async function provisionTable(
  client: DynamoDBDocumentClient,
  tableName: string,
): Promise<void> {
  if (!(await tableStatus(client, tableName))) await createTable(client, tableName);
  const deadline = Date.now() + 60_000;
  while ((await tableStatus(client, tableName)) !== 'ACTIVE') {
    if (Date.now() > deadline) throw new Error(`Table ${tableName} did not become ACTIVE`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function tableStatus(client: DynamoDBDocumentClient, tableName: string) {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    return Table?.TableStatus ?? 'UNKNOWN';
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

async function createTable(client: DynamoDBDocumentClient, tableName: string) {
  const { partition, sort, gsi1 } = tableKeys;
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [partition, sort, gsi1.partition, gsi1.sort].map((name) => ({
        AttributeName: name,
        AttributeType: 'S',
      })),
      KeySchema: [
        { AttributeName: partition, KeyType: 'HASH' },
        { AttributeName: sort, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: gsi1.name,
          KeySchema: [
            { AttributeName: gsi1.partition, KeyType: 'HASH' },
            { AttributeName: gsi1.sort, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    }),
  );
}
