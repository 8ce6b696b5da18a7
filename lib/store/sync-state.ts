import { GetCommand, PutCommand, DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { RecordDeps } from './read-model-keys';

export const syncChangeSchema = z.object({
  kind: z.enum(['plan', 'api', 'key', 'account']),
  id: z.string(),
  change: z.enum(['added', 'updated', 'removed']),
  /** What differed, for people: `enabled, plans`. */
  fields: z.string().optional(),
});
export type SyncChange = z.infer<typeof syncChangeSchema>;

/** What the admin console shows about the last finished sync. */
export const syncRunSchema = z.object({
  startedAt: z.number(),
  finishedAt: z.number(),
  trigger: z.enum(['schedule', 'admin', 'startup', 'first-read']),
  calls: z.number(),
  keysSeen: z.number(),
  /** The repairs, capped at `maxListedChanges` (`changeCount` says how many in all). */
  changes: z.array(syncChangeSchema),
  changeCount: z.number(),
  /** It continued a run that stopped half-way. */
  resumed: z.boolean(),
});
export type SyncRun = z.infer<typeof syncRunSchema>;

export const maxListedChanges = 200;

/** Where an unfinished key listing stopped: the next run continues from there. */
const cursorSchema = z.object({
  position: z.string(),
  keysSeen: z.number(),
  startedAt: z.number(),
});
export type SyncCursor = z.infer<typeof cursorSchema>;

const lastKey = { pk: 'RM#SYNC', sk: 'LAST' };
const cursorKey = { pk: 'RM#SYNC', sk: 'CURSOR' };

export async function lastSyncRun(deps: RecordDeps): Promise<SyncRun | undefined> {
  const { Item } = await deps.dynamo.send(
    new GetCommand({ TableName: deps.tableName, Key: lastKey, ConsistentRead: true }),
  );
  return Item ? syncRunSchema.parse(Item) : undefined;
}

export async function saveSyncRun(deps: RecordDeps, run: SyncRun): Promise<void> {
  await deps.dynamo.send(
    new PutCommand({ TableName: deps.tableName, Item: { ...lastKey, ...run } }),
  );
}

export async function syncCursor(deps: RecordDeps): Promise<SyncCursor | undefined> {
  const { Item } = await deps.dynamo.send(
    new GetCommand({ TableName: deps.tableName, Key: cursorKey, ConsistentRead: true }),
  );
  return Item ? cursorSchema.parse(Item) : undefined;
}

export async function saveSyncCursor(deps: RecordDeps, cursor: SyncCursor): Promise<void> {
  await deps.dynamo.send(
    new PutCommand({ TableName: deps.tableName, Item: { ...cursorKey, ...cursor } }),
  );
}

export async function clearSyncCursor(deps: RecordDeps): Promise<void> {
  await deps.dynamo.send(new DeleteCommand({ TableName: deps.tableName, Key: cursorKey }));
}
