import type { RecordDeps } from '../store/read-model-keys';
import { planRecords } from '../store/read-model-plans';
import type { PeerDeps } from './peers';
import type { ApiStage, GatewayPlan } from './types';

const sameStage = (a: ApiStage, b: ApiStage) => a.apiId === b.apiId && a.stage === b.stage;

/**
 * Home usage plans as API Gateway just gave them, with the stages their namesakes in other
 * gateways add (./plan-links, from the read model): what a key in the plan reaches. Without
 * other gateways the plans are returned as they are, with no read.
 */
export async function withSpannedStages(
  deps: RecordDeps & PeerDeps,
  plans: GatewayPlan[],
): Promise<GatewayPlan[]> {
  if (!deps.peers?.length || plans.length === 0) return plans;
  const portal = new Map((await planRecords(deps)).map((plan) => [plan.id, plan]));
  return plans.map((plan) => {
    const spanned = portal.get(plan.id);
    if (!spanned?.linked) return plan;
    const extra = spanned.apiStages.filter(
      (stage) => !plan.apiStages.some((own) => sameStage(own, stage)),
    );
    return { ...plan, apiStages: [...plan.apiStages, ...extra] };
  });
}
