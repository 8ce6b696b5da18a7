import 'server-only';
import { RateLimiter } from '../auth/rate-limit';
import type { GatewayDeps } from '../gateway/deps';
import { sweepCustomerUsage } from '../gateway/usage-sweep';
import { customerKeyRecords } from '../store/read-model-keys';
import { saveRefreshAt } from '../store/usage-snapshots';

/**
 * A customer asks for their own snapshots to be refreshed (one GetUsage per plan they are in),
 * at most once per 5 minutes. Viewing the usage page never does: page views show the
 * snapshots with their age and make no API Gateway call.
 */
const refreshes = new RateLimiter({ name: 'usage-refresh', limit: 1, windowMs: 5 * 60_000 });

export type RefreshOutcome = 'refreshed' | 'no-plans' | 'too-soon';

export async function refreshOwnUsage(deps: GatewayDeps, sub: string): Promise<RefreshOutcome> {
  const keys = await customerKeyRecords(deps, sub);
  if (!keys.some((key) => key.planIds.length > 0)) return 'no-plans';
  if (!(await refreshes.tryAttempt(sub))) return 'too-soon';
  await sweepCustomerUsage(deps, sub);
  await saveRefreshAt(deps, sub, deps.now());
  return 'refreshed';
}
