import 'server-only';
import { UpdateApiKeyCommand } from '@aws-sdk/client-api-gateway';
import { findCustomerKeys, plansOfKey, type Customer } from '../gateway/customer-keys';
import { gatewayPlanAssociations } from '../gateway/plan-associations';
import type { PortalDeps } from '../portal/deps';
import { recordAudit } from '../store/audit';
import { withCustomerLock } from '../store/customer-lock';

/**
 * Part of deleting an account: every API key of the customer (`customerId` = their Cognito
 * `sub`; two during a rotation's grace period) leaves all its usage plans and is disabled, so it
 * stops working at once. Keys are kept, disabled, for the audit trail.
 *
 * Calls stay bounded: one GetApiKeys filtered by customer (never a listing of every key), one
 * GetUsagePlans per key, then one call per change. It holds the customer's lock, so a
 * subscription being made at the same moment cannot put a key back into a plan afterwards.
 * lib/portal/keys.ts has no such use case yet; this belongs there once it does.
 */
export async function retireCustomerKeys(
  deps: PortalDeps,
  customer: Customer,
  /** An admin disabling or deleting the account (lib/admin) says who and why. */
  by: { actor: Customer; reason: string } = { actor: customer, reason: 'account deleted' },
): Promise<{ keyIds: string[] }> {
  return withCustomerLock(deps, customer.sub, async () => {
    const keys = await findCustomerKeys(deps.apiGateway, customer.sub);
    const associations = gatewayPlanAssociations(deps.apiGateway);
    for (const key of keys) {
      const keyId = key.id;
      if (!keyId) continue;
      // All plans first, then the removals: removing while paging would shift later pages.
      const plans = await plansOfKey(deps.apiGateway, keyId);
      for (const plan of plans) if (plan.id) await associations.remove(plan.id, keyId);
      if (key.enabled === false && plans.length === 0) continue;
      await deps.apiGateway.send(
        new UpdateApiKeyCommand({
          apiKey: keyId,
          patchOperations: [{ op: 'replace', path: '/enabled', value: 'false' }],
        }),
      );
      await recordAudit(deps, {
        actor: by.actor,
        customerSub: customer.sub,
        action: 'key.disabled',
        details: { keyId, reason: by.reason, plansLeft: String(plans.length) },
      });
    }
    return { keyIds: keys.flatMap((key) => (key.id ? [key.id] : [])) };
  });
}
