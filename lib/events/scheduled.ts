import { loadConfig } from '../config/load';
import { eventDepsFromConfig } from './deps-from-config';
import { runOutbox } from './run-outbox';

/**
 * AWS mode's scheduled functions (local mode runs the same two on intervals inside the local
 * stack; infra/lib/portico-stack.ts schedules them and grants each what it sends). The 90-day
 * key reminders run in the hourly housekeeping (infra/functions/housekeeping.ts).
 */

/**
 * Every minute: webhooks and mail. It needs the whole configuration (Cognito for recipients,
 * the secret that signs unsubscribe links, the public URL links point to, the sender), which
 * infra/functions/deliver-outbox.ts reads into the environment first.
 */
export async function deliverOutboxHandler(): Promise<{ processed: number; failed: number }> {
  const result = await runOutbox(eventDepsFromConfig(loadConfig()), 50_000);
  console.log(JSON.stringify({ task: 'deliver-outbox', ...result }));
  return result;
}
