import { createCustomerKey, plansOfKey, type Customer } from '../gateway/customer-keys';
import { deleteKey } from '../gateway/keys';
import { gatewayPlanAssociations } from '../gateway/plan-associations';
import type { GatewayKey, GatewayPlan } from '../gateway/types';
import { recordAudit } from '../store/audit';
import { recordRepair } from '../store/repairs';
import type { PortalDeps } from './deps';
import { PortalError } from './errors';
import { MoveFailedError, moveKey } from './move';
import { UndoLog } from './undo';

export type PlanChangeOutcome = 'subscribed' | 'moved' | 'unchanged';

const sharesStage = (a: GatewayPlan, b: GatewayPlan) =>
  a.apiStages.some((stage) =>
    b.apiStages.some((other) => other.apiId === stage.apiId && other.stage === stage.stage),
  );

/**
 * The API Gateway part of subscribing, for a caller holding the customer's lock: creates the
 * key if there is none, then adds it to `plan` or moves it there from the plans covering the
 * same stages, and audits. All or nothing: a failure at any step undoes the earlier ones
 * (a new key is deleted again), and what cannot be undone is recorded as a repair.
 */
export async function changePlan(
  deps: PortalDeps,
  customer: Customer,
  plan: GatewayPlan,
  existing: GatewayKey | undefined,
  actor: Customer,
): Promise<PlanChangeOutcome> {
  const undo = new UndoLog();
  const step = { customerSub: customer.sub, reason: `subscribing to ${plan.name} failed` };
  const associations = gatewayPlanAssociations(deps);
  try {
    let key = existing;
    if (!key) {
      key = (await createCustomerKey(deps, customer)).key;
      const keyId = key.id;
      undo.push(() => deleteKey(deps, keyId), { ...step, kind: 'retire-key', keyId });
    }
    const keyId = key.id;
    const current = existing ? await plansOfKey(deps.apiGateway, keyId) : [];
    if (current.some((each) => each.id === plan.id)) return 'unchanged';
    const overlapping = current.filter((each) => sharesStage(each, plan));
    for (const old of overlapping) {
      undo.push(() => associations.add(old.id, keyId), {
        ...step,
        kind: 'restore-association',
        keyId,
        planId: old.id,
      });
    }
    // Pushed before the call: a lost answer may still have added the key.
    undo.push(() => associations.remove(plan.id, keyId), {
      ...step,
      kind: 'remove-association',
      keyId,
      planId: plan.id,
    });
    if (overlapping.length === 0) await associations.add(plan.id, keyId);
    else
      await moveKey(
        associations,
        keyId,
        overlapping.map((old) => old.id),
        plan.id,
      );
    if (!existing) {
      await recordAudit(deps, {
        actor,
        customerSub: customer.sub,
        action: 'key.created',
        details: { keyId },
      });
    }
    await recordAudit(deps, {
      actor,
      customerSub: customer.sub,
      ...(overlapping.length === 0
        ? {
            action: 'subscription.added',
            details: { planId: plan.id, planName: plan.name, keyId },
          }
        : {
            action: 'subscription.moved',
            details: {
              from: overlapping.map((old) => old.name).join(', '),
              to: plan.name,
              planId: plan.id,
              keyId,
            },
          }),
    });
    return overlapping.length === 0 ? 'subscribed' : 'moved';
  } catch (error) {
    if (error instanceof MoveFailedError) {
      // The move put back what it could; the rest is for the repair.
      for (const planId of error.notRestored) {
        await recordRepair(deps, {
          ...step,
          kind: 'restore-association',
          keyId: error.keyId,
          planId,
        });
      }
      throw error;
    }
    const undone = await undo.rollback(deps);
    throw new PortalError(
      undone
        ? `Changing to ${plan.name} failed and nothing changed. Please try again.`
        : `Changing to ${plan.name} failed part-way; what was left half-done is put right automatically. Please try again.`,
      'failed',
      { cause: error },
    );
  }
}
