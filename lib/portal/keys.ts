import {
  activeKey,
  createCustomerKey,
  findCustomerKeys,
  keyTagNames,
  keyValue,
  plansOfKey,
  type Customer,
} from '../gateway/customer-keys';
import { deleteKey, setKeyEnabled, tagKey, untagKey } from '../gateway/keys';
import { gatewayPlanAssociations } from '../gateway/plan-associations';
import type { GatewayKey } from '../gateway/types';
import { recordAudit } from '../store/audit';
import { customerKeyRecords } from '../store/read-model-keys';
import { recordRepair } from '../store/repairs';
import { withCustomerLock } from '../store/customer-lock';
import { requireEnabledAccount } from './account-state';
import type { AccessDeps, PortalDeps } from './deps';
import { PortalError } from './errors';
import { UndoLog } from './undo';

/** Keys older than this get a rotation reminder on the dashboard. */
export const rotationReminderAgeMs = 90 * 24 * 60 * 60 * 1000;

/** The value of the customer's own active key, recorded in the audit log. */
export async function revealKey(deps: PortalDeps, customer: Customer): Promise<string> {
  const key = activeKey(await findCustomerKeys(deps.apiGateway, customer.sub));
  if (!key) throw new PortalError('You have no API key yet: subscribe to a plan first.', 'no-key');
  const value = await keyValue(deps.apiGateway, key.id);
  await recordAudit(deps, {
    actor: customer,
    customerSub: customer.sub,
    action: 'key.revealed',
    details: { keyId: key.id },
  });
  return value;
}

/**
 * Replaces the customer's key: the new key joins every plan of the old one and its value is
 * returned (to be shown once); the old key keeps working for the grace period, then is
 * disabled by `retireRotatedKeys`. All or nothing: if any step fails, the steps already made
 * are undone (newest first), so the customer keeps exactly the key they had.
 */
export async function rotateKey(
  deps: AccessDeps,
  customer: Customer,
  /** An admin rotating on the customer's behalf (lib/admin); the customer by default. */
  actor: Customer = customer,
): Promise<{ value: string; oldKeyWorksUntil: number }> {
  return withCustomerLock(deps, customer.sub, async () => {
    await requireEnabledAccount(deps, customer.sub);
    const old = activeKey(await findCustomerKeys(deps.apiGateway, customer.sub));
    if (!old) throw new PortalError('You have no API key to rotate yet.', 'no-key');
    const plans = await plansOfKey(deps.apiGateway, old.id);
    const undo = new UndoLog();
    const step = { customerSub: customer.sub, reason: 'key rotation failed' };
    try {
      const fresh = await createCustomerKey(deps, customer);
      undo.push(() => deleteKey(deps, fresh.key.id), {
        ...step,
        kind: 'retire-key',
        keyId: fresh.key.id,
      });
      const associations = gatewayPlanAssociations(deps);
      for (const plan of plans) {
        // Pushed before the call: a lost answer may still have added the key.
        undo.push(() => associations.remove(plan.id, fresh.key.id), {
          ...step,
          kind: 'remove-association',
          keyId: fresh.key.id,
          planId: plan.id,
        });
        await associations.add(plan.id, fresh.key.id);
      }
      const oldKeyWorksUntil = deps.now() + deps.keyGraceMs;
      undo.push(() => untagKey(deps, old.id, [keyTagNames.disableAfter]), {
        ...step,
        kind: 'cancel-rotation',
        keyId: old.id,
      });
      await tagKey(deps, old.id, {
        [keyTagNames.disableAfter]: String(oldKeyWorksUntil),
      });
      await recordAudit(deps, {
        actor,
        customerSub: customer.sub,
        action: 'key.rotated',
        details: {
          oldKeyId: old.id,
          newKeyId: fresh.key.id,
          oldKeyWorksUntil: new Date(oldKeyWorksUntil).toISOString(),
        },
      });
      return { value: fresh.value, oldKeyWorksUntil };
    } catch (error) {
      const undone = await undo.rollback(deps);
      throw new PortalError(
        undone
          ? 'Rotating the key failed and nothing changed: the current key keeps working. Please try again.'
          : 'Rotating the key failed part-way: the current key keeps working, and the half-made new key is removed automatically. Please try again.',
        'failed',
        { cause: error },
      );
    }
  });
}

/** Rotated-out keys whose grace period is over. */
export function keysPastGrace<K extends Pick<GatewayKey, 'enabled' | 'tags'>>(
  keys: K[],
  now: number,
): K[] {
  return keys.filter((key) => {
    const deadline = Number(key.tags[keyTagNames.disableAfter]);
    return key.enabled && Number.isFinite(deadline) && deadline <= now;
  });
}

interface Retirement {
  actor: Customer;
  reason: string;
  /** Keep the reason on the key, as for a key an admin disabled: subscribing cannot replace it. */
  mark?: boolean;
}

/**
 * Disables one key, then takes it out of every plan, recording who and why. Disabling goes
 * first so the key stops working with the first call; each step is idempotent, so a retry
 * after a failure finishes the job. All plans are read before any is removed: removing while
 * paging would shift later pages. Returns false when the key was already disabled, marked and
 * in no plan (nothing to do, nothing recorded).
 */
async function retireKey(
  deps: PortalDeps,
  customerSub: string,
  key: GatewayKey,
  by: Retirement,
): Promise<boolean> {
  const keyId = key.id;
  const plans = await plansOfKey(deps.apiGateway, keyId);
  const unmarked = by.mark === true && key.tags[keyTagNames.disabledReason] !== by.reason;
  if (key.enabled) await setKeyEnabled(deps, keyId, false);
  if (unmarked) await tagKey(deps, keyId, { [keyTagNames.disabledReason]: by.reason });
  const associations = gatewayPlanAssociations(deps);
  for (const plan of plans) await associations.remove(plan.id, keyId);
  if (!key.enabled && plans.length === 0 && !unmarked) return false;
  await recordAudit(deps, {
    actor: by.actor,
    customerSub,
    action: 'key.disabled',
    details: { keyId, reason: by.reason, plansLeft: String(plans.length) },
  });
  return true;
}

/**
 * Disables rotated-out keys past their grace period and takes them out of their plans. Runs
 * lazily when the customer opens the dashboard, and from the admin's or the scheduled sweep.
 */
export async function retireRotatedKeys(
  deps: PortalDeps,
  customer: Customer,
  actor: Customer = customer,
): Promise<number> {
  // The read model says whether anything is due, so a dashboard view costs no API Gateway call;
  // what is retired is then read from API Gateway itself.
  if (keysPastGrace(await customerKeyRecords(deps, customer.sub), deps.now()).length === 0)
    return 0;
  return retireDueKeys(
    deps,
    customer.sub,
    await findCustomerKeys(deps.apiGateway, customer.sub),
    actor,
  );
}

/**
 * Retires those of a customer's `keys`, as API Gateway just listed them, whose grace period is
 * over. The scheduled sweep calls it directly: it already read the keys from API Gateway, and
 * keys made outside the portal may not be in the read model yet.
 */
export async function retireDueKeys(
  deps: PortalDeps,
  sub: string,
  keys: GatewayKey[],
  actor: Customer,
): Promise<number> {
  const due = keysPastGrace(keys, deps.now());
  for (const key of due) {
    await retireKey(deps, sub, key, { actor, reason: 'rotation grace period over' });
  }
  return due.length;
}

/**
 * Closing an account: every key of the customer (two during a rotation's grace period) is
 * disabled, marked with the reason and leaves all its plans, so it stops working at once; the
 * keys stay, disabled, for the audit trail and stay disabled if the account is enabled again
 * (an admin decides which key to enable). Under the customer's lock, together with
 * `whileLocked` (the account change in Cognito), so a subscription made at the same moment
 * either sees the closed account or has its key retired here. Calls stay bounded: one key
 * lookup by customer, one plan lookup per key.
 */
export async function retireCustomerKeys(
  deps: PortalDeps,
  customer: Customer,
  /** An admin disabling or deleting the account says who and why. */
  by: { actor: Customer; reason: string } = { actor: customer, reason: 'account deleted' },
  whileLocked: { before?: () => Promise<unknown>; after?: () => Promise<unknown> } = {},
): Promise<{ keyIds: string[] }> {
  return withCustomerLock(deps, customer.sub, async () => {
    await whileLocked.before?.();
    const keys = await findCustomerKeys(deps.apiGateway, customer.sub);
    for (const key of keys) {
      try {
        await retireKey(deps, customer.sub, key, { ...by, mark: true });
      } catch (error) {
        // The account is closing: a key left working is retired by the repair if no one retries.
        await recordRepair(deps, {
          kind: 'retire-key',
          keyId: key.id,
          customerSub: customer.sub,
          reason: by.reason,
        });
        throw error;
      }
    }
    await whileLocked.after?.();
    return { keyIds: keys.map((key) => key.id) };
  });
}
