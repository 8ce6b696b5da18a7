import type { GatewayDeps } from '../gateway/deps';
import { gatewayDepsFromEnvironment } from '../gateway/scheduled-deps';
import { sweepUsage } from '../gateway/usage-sweep';
import { sweepQuotaAlerts } from './sweep';

let deps: GatewayDeps | undefined;

/**
 * The scheduled quota sweep (EventBridge, every 5 minutes by default in AWS; the local stack
 * runs the same two steps every 10 s): snapshots yesterday's and today's usage (one GetUsage
 * per plan and 500 keys, in each gateway the plan spans), then alerts customers who crossed a
 * threshold; the alerts' mail and webhooks go through the outbox. A throttled snapshot still
 * lets the alerts run on the latest snapshots before its error is rethrown, for the
 * function's error alarm.
 */
export async function handler(): Promise<{ snapshots: number; announced: number }> {
  deps ??= gatewayDepsFromEnvironment();
  const sweep = await sweepUsage(deps).then(
    ({ written }) => ({ written }),
    (error: unknown) => ({ error }),
  );
  const result = {
    snapshots: 'written' in sweep ? sweep.written : 0,
    announced: await sweepQuotaAlerts(deps),
  };
  console.log(JSON.stringify({ task: 'quota-sweep', ...result }));
  if ('error' in sweep) throw sweep.error;
  return result;
}
