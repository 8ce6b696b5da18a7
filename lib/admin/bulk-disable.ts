import { keyTagNames, type Customer } from '../gateway/customer-keys';
import { getKey, setKeyEnabled, tagKey } from '../gateway/keys';
import type { GatewayKey } from '../gateway/types';
import { PortalError } from '../portal/errors';
import { recordAudit } from '../store/audit';
import { customerRecord, directoryReconciliation } from '../store/customer-directory';
import { notifyCustomer } from '../store/notifications';
import type { AdminDeps } from './deps';

/**
 * Disables the chosen keys with one reason, kept on each key, audited per key and told to each
 * owner. Keys that no longer exist or are already disabled are skipped, so a repeated or stale
 * submission is harmless. Calls: a GetApiKey per chosen key, then the changes per enabled one.
 */
export async function bulkDisableKeys(
  deps: AdminDeps,
  admin: Customer,
  keyIds: string[],
  reason: string,
): Promise<{ disabled: number; skipped: number }> {
  const chosen = [...new Set(keyIds)];
  const enabled: GatewayKey[] = [];
  for (const keyId of chosen) {
    const key = await getKey(deps.apiGateway, keyId);
    if (key?.enabled) enabled.push(key);
  }
  await refuseUnknownOwners(deps, enabled);
  for (const key of enabled) {
    // The reason first: a failure between the two leaves an enabled key that a repeated
    // submission picks up again, never a disabled key without its reason.
    await tagKey(deps, key.id, { [keyTagNames.disabledReason]: reason });
    await setKeyEnabled(deps, key.id, false);
    const owner = key.customerId;
    await recordAudit(deps, {
      actor: admin,
      customerSub: owner ?? 'unowned-keys',
      action: 'key.disabled',
      details: { keyId: key.id, reason, via: 'key hygiene' },
    });
    if (owner) {
      await notifyCustomer(deps, owner, {
        tone: 'warning',
        message: `Your API key was disabled by an administrator: ${reason}`,
      });
    }
  }
  return { disabled: enabled.length, skipped: chosen.length - enabled.length };
}

/**
 * Before the customer directory's first reconciliation with the pool, an owner without a
 * record may be a customer who has not signed in since an upgrade: the hygiene report calls
 * them unknown, and their keys are not disabled in bulk (a ticked box is not proof that the
 * owner is gone). Nothing is disabled then; the admin syncs and chooses again.
 */
async function refuseUnknownOwners(deps: AdminDeps, keys: GatewayKey[]): Promise<void> {
  const owners = [...new Set(keys.flatMap((key) => (key.customerId ? [key.customerId] : [])))];
  if (owners.length === 0 || (await directoryReconciliation(deps))) return;
  const recorded = await Promise.all(owners.map((sub) => customerRecord(deps, sub)));
  const unknown = new Set(owners.filter((_, index) => !recorded[index]));
  const refused = keys.filter((key) => key.customerId && unknown.has(key.customerId));
  if (refused.length === 0) return;
  const named = refused.slice(0, 3).map((key) => key.id);
  if (refused.length > named.length) named.push('…');
  const which =
    refused.length === 1
      ? 'One of the chosen keys belongs'
      : `${refused.length} of the chosen keys belong`;
  throw new PortalError(
    `Nothing was disabled. ${which} to an account the portal does not know yet ` +
      `(${named.join(', ')}): the customer directory has not been reconciled with the user ` +
      'pool since this installation or upgrade, so the owner may still exist. Run a sync ' +
      '(“Sync now” on the customers page), then choose again.',
    'forbidden',
  );
}
