import { recordRepair, type RepairNeed } from '../store/repairs';
import type { PortalDeps } from './deps';

/**
 * The undo steps of a change made of several API Gateway calls, pushed as each call succeeds.
 * On failure they run newest first; one that fails too is recorded as a repair (./repairs), so
 * nothing is left behind for long even when API Gateway is having a bad minute.
 */
export class UndoLog {
  private readonly steps: { undo: () => Promise<void>; need: RepairNeed }[] = [];

  push(undo: () => Promise<void>, need: RepairNeed): void {
    this.steps.push({ undo, need });
  }

  /** True when every step was undone; false when some were recorded for repair instead. */
  async rollback(deps: PortalDeps): Promise<boolean> {
    let complete = true;
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step.undo();
      } catch {
        complete = false;
        await recordRepair(deps, step.need);
      }
    }
    return complete;
  }
}
