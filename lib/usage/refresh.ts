import 'server-only';
import { RateLimiter } from '../auth/rate-limit';
import type { GatewayDeps } from '../gateway/deps';
import { sweepCustomerUsage } from '../gateway/usage-sweep';
import { customerKeyRecords } from '../store/read-model-keys';

/**
 * A customer's usage page refreshes their own snapshots (one GetUsage per plan they are in)
 * at most once per 5 minutes; between refreshes and the scheduled sweep, pages show the
 * snapshots with their age.
 */
const refreshes = new RateLimiter({ name: 'usage-refresh', limit: 1, windowMs: 5 * 60_000 });

export async function refreshOwnUsage(deps: GatewayDeps, sub: string): Promise<number | undefined> {
  const keys = await customerKeyRecords(deps, sub);
  if (!keys.some((key) => key.planIds.length > 0)) return undefined;
  if (!(await refreshes.tryAttempt(sub))) return undefined;
  await sweepCustomerUsage(deps, sub);
  return deps.now();
}
