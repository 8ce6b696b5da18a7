import {
  GetApiKeyCommand,
  NotFoundException,
  TagResourceCommand,
  UpdateApiKeyCommand,
} from '@aws-sdk/client-api-gateway';
import { keyTagNames, type Customer } from '../gateway/customer-keys';
import { recordAudit } from '../store/audit';
import { notifyCustomer } from '../store/notifications';
import type { AdminDeps } from './deps';
import { keyArn } from './key-actions';

export const maxBulkKeys = 500;

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
    const key = await deps.apiGateway
      .send(new GetApiKeyCommand({ apiKey: keyId }))
      .catch((error: unknown) => {
        if (error instanceof NotFoundException) return undefined;
        throw error;
      });
    if (!key?.enabled) continue;
    await deps.apiGateway.send(
      new UpdateApiKeyCommand({
        apiKey: keyId,
        patchOperations: [{ op: 'replace', path: '/enabled', value: 'false' }],
      }),
    );
    await deps.apiGateway.send(
      new TagResourceCommand({
        resourceArn: await keyArn(deps.apiGateway, keyId),
        tags: { [keyTagNames.disabledReason]: reason },
      }),
    );
    const owner = key.customerId || undefined;
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
