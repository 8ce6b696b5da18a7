import { loadConfig } from '../config/load';
import { sweepQuotaAlerts } from '../quota/sweep';
import { eventDepsFromConfig } from './deps-from-config';
import { runOutbox } from './run-outbox';

/**
 * AWS mode's scheduled functions (local mode runs the same two on intervals inside the local
 * stack). The outbox needs DynamoDB read/write on the table, cognito-idp:ListUsers and
 * ListUsersInGroup, and ses:SendEmail on the sender identity; the sweep also
 * apigateway:GET on usage plans, their usage and API keys.
 */
export async function deliverOutboxHandler(): Promise<{ processed: number; failed: number }> {
  return runOutbox(eventDepsFromConfig(loadConfig()), 50_000);
}

/** Every 5 minutes: one GetUsage per plan, alerts for thresholds crossed. */
export async function quotaSweepHandler(): Promise<{ announced: number }> {
  return { announced: await sweepQuotaAlerts(eventDepsFromConfig(loadConfig())) };
}
