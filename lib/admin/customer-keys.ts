import { formatUtc } from '../format/utc';
import { findCustomerKeys, keyTagNames, type Customer } from '../gateway/customer-keys';
import { setKeyEnabled, tagKey, untagKey } from '../gateway/keys';
import { requireEnabledAccount } from '../portal/account-state';
import { PortalError } from '../portal/errors';
import { rotateKey } from '../portal/keys';
import { subscribe, unsubscribe, type SubscribeOutcome } from '../portal/subscriptions';
import { recordAudit } from '../store/audit';
import { withCustomerLock } from '../store/customer-lock';
import { notifyCustomer } from '../store/notifications';
import { asCustomer, requireCustomer } from './customer-lookup';
import type { AdminDeps } from './deps';

/**
 * Disables or re-enables one of the customer's keys. The reason is kept on the key (so
 * subscribing again cannot replace it), written to the audit trail and shown to the customer.
 * A key of a disabled account cannot be enabled: the account comes first.
 */
export async function setCustomerKeyEnabled(
  deps: AdminDeps,
  admin: Customer,
  input: { sub: string; keyId: string; enabled: boolean; reason: string },
): Promise<void> {
  const customer = asCustomer(await requireCustomer(deps, input.sub));
  await withCustomerLock(deps, customer.sub, async () => {
    const keys = await findCustomerKeys(deps.apiGateway, customer.sub);
    if (!keys.some((key) => key.id === input.keyId)) {
      throw new PortalError('That key does not belong to this customer.', 'not-found');
    }
    if (input.enabled) {
      await requireEnabledAccount(deps, customer.sub, {
        disabled: `Enable ${customer.email}'s account first: a disabled account cannot hold a working key.`,
        deleted: `${customer.email}'s account was deleted: its keys stay disabled.`,
      });
    }
    await setKeyEnabled(deps, input.keyId, input.enabled);
    if (input.enabled) {
      await untagKey(deps, input.keyId, [keyTagNames.disabledReason]);
    } else {
      await tagKey(deps, input.keyId, { [keyTagNames.disabledReason]: input.reason });
    }
  });
  await recordAudit(deps, {
    actor: admin,
    customerSub: customer.sub,
    action: input.enabled ? 'key.enabled' : 'key.disabled',
    details: { keyId: input.keyId, reason: input.reason },
  });
  await notifyCustomer(deps, customer.sub, {
    tone: input.enabled ? 'success' : 'warning',
    message: input.enabled
      ? `Your API key was enabled again by an administrator: ${input.reason}`
      : `Your API key was disabled by an administrator: ${input.reason}`,
  });
}

/** Moves the customer to another tier, approval or not, as the admin. */
export async function moveCustomerTier(
  deps: AdminDeps,
  admin: Customer,
  sub: string,
  planId: string,
): Promise<SubscribeOutcome> {
  const customer = asCustomer(await requireCustomer(deps, sub));
  const outcome = await subscribe(deps, customer, planId, { actor: admin, viaApproval: true });
  if (outcome !== 'unchanged') {
    await notifyCustomer(deps, sub, {
      tone: 'info',
      message: 'An administrator changed your plan. Your key stays the same.',
    });
  }
  return outcome;
}

export async function removeCustomerFromPlan(
  deps: AdminDeps,
  admin: Customer,
  sub: string,
  planId: string,
): Promise<void> {
  const customer = asCustomer(await requireCustomer(deps, sub));
  await unsubscribe(deps, customer, planId, admin);
  await notifyCustomer(deps, sub, {
    tone: 'warning',
    message: 'An administrator removed one of your plans: calls under it now get 403.',
  });
}

/**
 * Rotates the customer's key as the admin. The new value is never shown to the admin: the
 * customer reveals it on their dashboard; the old key works for the usual grace period.
 */
export async function rotateCustomerKey(
  deps: AdminDeps,
  admin: Customer,
  sub: string,
): Promise<number> {
  const customer = asCustomer(await requireCustomer(deps, sub));
  const { oldKeyWorksUntil } = await rotateKey(deps, customer, admin);
  await notifyCustomer(deps, sub, {
    tone: 'warning',
    message: `An administrator rotated your API key: reveal the new one on this page. The old key works until ${formatUtc(oldKeyWorksUntil)}.`,
  });
  return oldKeyWorksUntil;
}
