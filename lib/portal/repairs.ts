import { keyTagNames, plansOfKey } from '../gateway/customer-keys';
import { deleteKey, setKeyEnabled, untagKey } from '../gateway/keys';
import { gatewayPlanAssociations } from '../gateway/plan-associations';
import { alignLinkedPlanWithHome } from '../gateway/plan-edits';
import { recordAudit } from '../store/audit';
import { clearRepair, pendingRepairs, type Repair } from '../store/repairs';
import type { PortalDeps } from './deps';

/** Who the audit log names for repairs. */
const repairer = { sub: 'portico-repair', email: 'repair' };

/**
 * Finishes what failed changes could not undo (./undo) or could not carry to every gateway.
 * Each repair aims at a state, so doing one twice is harmless; one that fails stays recorded
 * for the next run. Meant for the sync and the scheduled housekeeping.
 */
export async function applyRepairs(deps: PortalDeps): Promise<{ done: number; left: number }> {
  let done = 0;
  const repairs = await pendingRepairs(deps);
  for (const repair of repairs) {
    try {
      await apply(deps, repair);
    } catch {
      continue;
    }
    await clearRepair(deps, repair);
    await recordAudit(deps, {
      actor: repairer,
      customerSub: repair.customerSub,
      ...(repair.kind === 'align-linked-plan'
        ? {
            action: 'plan.updated',
            details: {
              repair: repair.kind,
              gateway: repair.gateway,
              linkedPlanId: repair.linkedPlanId,
              reason: repair.reason,
            },
          }
        : {
            action: 'key.repaired',
            details: { keyId: repair.keyId, repair: repair.kind, reason: repair.reason },
          }),
    });
    done += 1;
  }
  return { done, left: repairs.length - done };
}

async function apply(deps: PortalDeps, repair: Repair): Promise<void> {
  const associations = gatewayPlanAssociations(deps);
  switch (repair.kind) {
    case 'retire-key':
      await setKeyEnabled(deps, repair.keyId, false);
      for (const plan of await plansOfKey(deps.apiGateway, repair.keyId)) {
        await associations.remove(plan.id, repair.keyId);
      }
      return;
    case 'remove-association':
      if (repair.planId) await associations.remove(repair.planId, repair.keyId);
      return;
    case 'restore-association':
      if (repair.planId) await associations.add(repair.planId, repair.keyId);
      return;
    case 'cancel-rotation':
      await untagKey(deps, repair.keyId, [keyTagNames.disableAfter]);
      return;
    case 'delete-key':
      await deleteKey(deps, repair.keyId);
      return;
    case 'align-linked-plan':
      await alignLinkedPlanWithHome(deps, repair.planId, {
        gateway: repair.gateway,
        id: repair.linkedPlanId,
      });
      return;
  }
}
