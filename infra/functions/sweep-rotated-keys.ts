import { customerKeyName, type Customer } from '../../lib/gateway/customer-keys';
import { listKeys } from '../../lib/gateway/keys';
import type { PortalDeps } from '../../lib/portal/deps';
import { keysPastGrace, retireDueKeys } from '../../lib/portal/keys';

/** Who the audit log names for changes the schedule makes. */
export const housekeeper: Customer = { sub: 'portico-housekeeping', email: 'housekeeping' };

/**
 * Disables every rotated-out key whose grace period is over, also for customers who never
 * open their dashboard again (which retires them lazily). One GetApiKeys call per 500
 * portal keys finds the due ones; the portal's own retireDueKeys then retires them, so the
 * sweep and the dashboard take keys out of plans and audit the same way.
 */
export async function sweepRotatedKeys(
  deps: PortalDeps,
): Promise<{ customers: number; disabled: number }> {
  const keys = await listKeys(deps.apiGateway, { namePrefix: customerKeyName('') });
  const due = keysPastGrace(keys, deps.now());
  const customers = [...new Set(due.flatMap((key) => (key.customerId ? [key.customerId] : [])))];
  let disabled = 0;
  for (const sub of customers) {
    const own = due.filter((key) => key.customerId === sub);
    disabled += await retireDueKeys(deps, sub, own, housekeeper);
  }
  return { customers: customers.length, disabled };
}
