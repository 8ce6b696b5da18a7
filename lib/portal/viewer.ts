import 'server-only';
import { currentUser } from '../auth/session';
import { customerRequests } from '../store/upgrade-requests';
import type { Viewer } from './plan-offer';
import { portalDeps } from './server-deps';
import { customerSubscriptions } from './subscriptions';

/** The signed-in viewer's plans and open requests, or undefined when signed out. */
export async function planViewer(): Promise<Viewer | undefined> {
  const user = await currentUser();
  if (!user) return undefined;
  const deps = portalDeps();
  const [{ plans }, requests] = await Promise.all([
    customerSubscriptions(deps, user.sub),
    customerRequests(deps, user.sub),
  ]);
  return {
    currentPlanIds: new Set(plans.flatMap((plan) => (plan.id ? [plan.id] : []))),
    pendingPlanIds: new Set(
      requests
        .filter((request) => request.status === 'pending' || request.status === 'approving')
        .map((request) => request.toPlanId),
    ),
  };
}
