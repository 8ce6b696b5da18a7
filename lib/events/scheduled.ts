import { loadConfig } from '../config/load';
import { sendKeyAgeReminders } from '../mail/key-reminders';
import { sweepQuotaAlerts } from '../quota/sweep';
import { eventDepsFromConfig } from './deps-from-config';
import { runOutbox } from './run-outbox';

/**
 * AWS mode's scheduled functions (local mode runs the same two on intervals inside the local
 * stack). The outbox needs DynamoDB read/write on the table, cognito-idp:ListUsers and
 * ListUsersInGroup, and ses:SendEmail on the sender identity; the quota sweep only the table.
 */
export async function deliverOutboxHandler(): Promise<{ processed: number; failed: number }> {
  return runOutbox(eventDepsFromConfig(loadConfig()), 50_000);
}

/**
 * Every 5 minutes: alerts for thresholds crossed, read from the usage snapshots that the
 * read-model sync's usage sweep writes (no API Gateway call here).
 */
export async function quotaSweepHandler(): Promise<{ announced: number }> {
  return { announced: await sweepQuotaAlerts(eventDepsFromConfig(loadConfig())) };
}

/**
 * Daily (any schedule works: each key is mailed once per 90 days): rotation reminders for
 * customers whose key is older than 90 days, from the read model; needs the table and
 * cognito-idp:ListUsers, the mails leave through the outbox.
 */
export async function keyAgeReminderHandler(): Promise<{ reminded: number }> {
  return sendKeyAgeReminders(eventDepsFromConfig(loadConfig()));
}
