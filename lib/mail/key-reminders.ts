import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { findUserBySub } from '../admin/cognito-users';
import type { EventDeps } from '../events/deps';
import { activeKey } from '../gateway/customer-keys';
import { rotationReminderAgeMs } from '../portal/keys';
import { allKeyRecords, type KeyRecord } from '../store/read-model-keys';
import { enqueueMail } from './mail-jobs';

type ReminderDeps = Pick<
  EventDeps,
  'dynamo' | 'tableName' | 'now' | 'cognito' | 'userPoolId' | 'adminGroup'
>;

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Mails every customer whose active key is older than 90 days a reminder to rotate it, once
 * per key per 90 days (at 90, 180, … days). Key ages come from the read model, so the run
 * makes no API Gateway call; Cognito is asked only for the addresses of those due. The mail
 * is optional: the outbox skips it for customers who turned such mail off.
 */
export async function sendKeyAgeReminders(deps: ReminderDeps): Promise<{ reminded: number }> {
  const now = deps.now();
  let reminded = 0;
  for (const key of dueKeys(await allKeyRecords(deps), now)) {
    const cycle = Math.floor((now - key.createdAt) / rotationReminderAgeMs);
    if (!(await claimCycle(deps, key.id, cycle))) continue;
    const user = await findUserBySub(deps, key.customerId);
    if (!user || user.status === 'disabled') continue;
    await enqueueMail(deps, `key-age-${key.id}-${cycle}`, {
      to: user.email,
      customerSub: key.customerId,
      mail: { template: 'key-age-reminder', ageDays: Math.floor((now - key.createdAt) / dayMs) },
    });
    reminded++;
  }
  return { reminded };
}

type DueKey = KeyRecord & { customerId: string; createdAt: number };

/** Each customer's active key (newest enabled, not being rotated out), if over 90 days old. */
export function dueKeys(records: readonly KeyRecord[], now: number): DueKey[] {
  const byCustomer = new Map<string, DueKey[]>();
  for (const record of records) {
    if (!record.customerId || record.createdAt === undefined) continue;
    const owned = { ...record, customerId: record.customerId, createdAt: record.createdAt };
    byCustomer.set(record.customerId, [...(byCustomer.get(record.customerId) ?? []), owned]);
  }
  return [...byCustomer.values()].flatMap((keys) => {
    const active = activeKey(keys.sort((a, b) => b.createdAt - a.createdAt));
    return active && now - active.createdAt > rotationReminderAgeMs ? [active] : [];
  });
}

/**
 * Records that the key's reminder for this 90-day cycle is being sent: true for the one run
 * whose write moves the cycle forward, so two runs at once send one mail.
 */
async function claimCycle(deps: ReminderDeps, keyId: string, cycle: number): Promise<boolean> {
  try {
    await deps.dynamo.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: { pk: `KEY-REMINDER#${keyId}`, sk: 'CYCLE' },
        // CYCLE is one of DynamoDB's reserved words.
        UpdateExpression: 'SET #cycle = :cycle, remindedAt = :now',
        ConditionExpression: 'attribute_not_exists(#cycle) OR #cycle < :cycle',
        ExpressionAttributeNames: { '#cycle': 'cycle' },
        ExpressionAttributeValues: { ':cycle': cycle, ':now': deps.now() },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
