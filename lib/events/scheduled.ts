import { loadConfig } from '../config/load';
import { eventDepsFromConfig } from './deps-from-config';
import { runOutbox } from './run-outbox';

/**
 * AWS mode: a scheduled Lambda (every minute) delivers the outbox. Local mode runs the same
 * `runOutbox` on an interval inside the local stack. Needs DynamoDB read/write on the table,
 * cognito-idp:ListUsers and ListUsersInGroup, and ses:SendEmail on the sender identity.
 */
export async function handler(): Promise<{ processed: number; failed: number }> {
  return runOutbox(eventDepsFromConfig(loadConfig()), 50_000);
}
