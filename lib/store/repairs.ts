import { randomUUID } from 'node:crypto';
import {
  DeleteCommand,
  PutCommand,
  QueryCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';

/**
 * What a failed change could not undo, for the next sync (or housekeeping run) to finish:
 * - `retire-key`: a key the portal made but could not take back: disable it, take it out of
 *   every plan;
 * - `remove-association`: a key left in a plan it must not be in;
 * - `restore-association`: a key taken out of a plan it should be back in;
 * - `cancel-rotation`: a key marked as rotated out by a rotation that did not happen;
 * - `delete-key`: a key a failed import created: delete it (its value may be imported again);
 * - `align-linked-plan`: a plan edit that reached home but not the plan's namesake in another
 *   gateway (`linkedPlanId` there): bring the namesake in line with the home plan.
 */
const repairFields = {
  id: z.string(),
  customerSub: z.string(),
  /** The change that failed, for the audit trail and the admin. */
  reason: z.string(),
  recordedAt: z.number(),
};

const keyRepairSchema = z.object({
  ...repairFields,
  kind: z.enum([
    'retire-key',
    'remove-association',
    'restore-association',
    'cancel-rotation',
    'delete-key',
  ]),
  keyId: z.string(),
  planId: z.string().optional(),
});

const planRepairSchema = z.object({
  ...repairFields,
  kind: z.literal('align-linked-plan'),
  planId: z.string(),
  gateway: z.string(),
  linkedPlanId: z.string(),
});

export const repairSchema = z.discriminatedUnion('kind', [keyRepairSchema, planRepairSchema]);

export type Repair = z.infer<typeof repairSchema>;
type WithoutIdentity<T> = T extends unknown ? Omit<T, 'id' | 'recordedAt'> : never;
export type RepairNeed = WithoutIdentity<Repair>;

interface RepairDeps {
  dynamo: DynamoDBDocumentClient;
  tableName: string;
  now: () => number;
}

/* One partition: repairs are rare, and whoever applies them reads them all at once. */
const repairsPk = 'REPAIRS';

export async function recordRepair(deps: RepairDeps, need: RepairNeed): Promise<Repair> {
  const repair: Repair = { ...need, id: randomUUID(), recordedAt: deps.now() };
  await deps.dynamo.send(
    new PutCommand({
      TableName: deps.tableName,
      Item: { pk: repairsPk, sk: `REPAIR#${repair.recordedAt}#${repair.id}`, ...repair },
    }),
  );
  return repair;
}

/** Every recorded repair, oldest first (at most 1 MB of them per call: they are small). */
export async function pendingRepairs(deps: RepairDeps): Promise<Repair[]> {
  const answer = await deps.dynamo.send(
    new QueryCommand({
      TableName: deps.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': repairsPk },
    }),
  );
  return (answer.Items ?? []).flatMap((item) => {
    const parsed = repairSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function clearRepair(deps: RepairDeps, repair: Repair): Promise<void> {
  await deps.dynamo.send(
    new DeleteCommand({
      TableName: deps.tableName,
      Key: { pk: repairsPk, sk: `REPAIR#${repair.recordedAt}#${repair.id}` },
    }),
  );
}
