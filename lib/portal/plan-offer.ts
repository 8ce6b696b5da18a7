import type { Plan } from '../gateway/plans-model';

/** What the plans page offers a viewer for one plan. */
export type PlanOffer = 'sign-in' | 'current' | 'pending' | 'request-upgrade' | 'subscribe';

export interface Viewer {
  currentPlanIds: Set<string>;
  /** Plans the viewer has an open upgrade request for. */
  pendingPlanIds: Set<string>;
}

export function planOfferFor(plan: Pick<Plan, 'id' | 'metadata'>, viewer?: Viewer): PlanOffer {
  if (!viewer) return 'sign-in';
  if (viewer.currentPlanIds.has(plan.id)) return 'current';
  if (viewer.pendingPlanIds.has(plan.id)) return 'pending';
  return plan.metadata.approval === 'manual' ? 'request-upgrade' : 'subscribe';
}
