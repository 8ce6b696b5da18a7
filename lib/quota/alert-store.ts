import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { defaultThresholds } from './thresholds';

interface StoreDeps {
  dynamo: DynamoDBDocumentClient;
  tableName: string;
  now: () => number;
}

const settingsKey = (planId: string) => ({ pk: 'QUOTA-ALERTS', sk: `PLAN#${planId}` });

/** Every plan's thresholds that an admin set; plans missing here use the default. */
export async function planThresholds(deps: StoreDeps): Promise<Record<string, number[]>> {
  const result = await deps.dynamo.send(
    new QueryCommand({
      TableName: deps.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': 'QUOTA-ALERTS', ':prefix': 'PLAN#' },
    }),
  );
  const items = z
    .array(z.object({ planId: z.string(), thresholds: z.array(z.number()) }))
    .parse(result.Items ?? []);
  return Object.fromEntries(items.map((item) => [item.planId, item.thresholds]));
}

export const thresholdsFor = (all: Record<string, number[]>, planId: string) =>
  all[planId] ?? defaultThresholds;

export async function setPlanThresholds(
  deps: StoreDeps,
  planId: string,
  thresholds: number[],
): Promise<void> {
  await deps.dynamo.send(
    new PutCommand({
      TableName: deps.tableName,
      Item: { ...settingsKey(planId), planId, thresholds, updatedAt: deps.now() },
    }),
  );
}

/**
 * One record per customer, plan and period: which thresholds were announced, as "50,80" (a
 * string, so the conditional write can compare it exactly).
 */
const announcedKey = (planId: string, periodStart: string, customerId: string) => ({
  pk: `QUOTA-ALERTS#${planId}#${periodStart}`,
  sk: `CUSTOMER#${customerId}`,
});

export async function announcedThresholds(
  deps: StoreDeps,
  planId: string,
  periodStart: string,
  customerId: string,
): Promise<number[]> {
  const result = await deps.dynamo.send(
    new GetCommand({
      TableName: deps.tableName,
      Key: announcedKey(planId, periodStart, customerId),
    }),
  );
  const announced = z
    .string()
    .catch('')
    .parse(result.Item?.announced ?? '');
  return announced.split(',').filter(Boolean).map(Number);
}

/**
 * Claims the announcement: true only for the one sweep whose write finds the threshold not
 * yet in the list, so two sweeps at once cannot both alert. Kept 40 days (the longest period
 * is a month).
 */
export async function claimAnnouncement(
  deps: StoreDeps,
  key: { planId: string; periodStart: string; customerId: string },
  seen: number[],
  settle: number[],
): Promise<boolean> {
  try {
    await deps.dynamo.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: announcedKey(key.planId, key.periodStart, key.customerId),
        UpdateExpression: 'SET announced = :next, expiresAtSeconds = :expires',
        ConditionExpression: seen.length ? 'announced = :seen' : 'attribute_not_exists(announced)',
        ExpressionAttributeValues: {
          ':next': [...new Set([...seen, ...settle])].sort((a, b) => a - b).join(','),
          ':expires': Math.floor(deps.now() / 1000) + 40 * 24 * 60 * 60,
          ...(seen.length ? { ':seen': seen.join(',') } : {}),
        },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
