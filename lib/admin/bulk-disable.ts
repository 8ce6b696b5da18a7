import { keyTagNames, type Customer } from '../gateway/customer-keys';
import { getKey, setKeyEnabled, tagKey } from '../gateway/keys';
import { recordAudit } from '../store/audit';
import { notifyCustomer } from '../store/notifications';
import type { AdminDeps } from './deps';

/**
 * Disables the chosen keys with one reason, kept on each key, audited per key and told to each
 * owner. Keys that no longer exist or are already disabled are skipped, so a repeated or stale
 * submission is harmless. Calls: a GetApiKey and the changes, per chosen key.
 */
export async function bulkDisableKeys(
  deps: AdminDeps,
  admin: Customer,
  keyIds: string[],
  reason: string,
): Promise<{ disabled: number; skipped: number }> {
  let disabled = 0;
  for (const keyId of new Set(keyIds)) {
    const key = await getKey(deps.apiGateway, keyId);
    if (!key?.enabled) continue;
    // The reason first: a failure between the two leaves an enabled key that a repeated
    // submission picks up again, never a disabled key without its reason.
    await tagKey(deps, keyId, { [keyTagNames.disabledReason]: reason });
    await setKeyEnabled(deps, keyId, false);
    const owner = key.customerId;
    await recordAudit(deps, {
      actor: admin,
      customerSub: owner ?? 'unowned-keys',
      action: 'key.disabled',
      details: { keyId, reason, via: 'key hygiene' },
    });
    if (owner) {
      await notifyCustomer(deps, owner, {
        tone: 'warning',
        message: `Your API key was disabled by an administrator: ${reason}`,
      });
    }
    disabled += 1;
  }
  return { disabled, skipped: new Set(keyIds).size - disabled };
}
