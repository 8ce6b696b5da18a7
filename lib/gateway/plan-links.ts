import type { GatewayPlan, PlanLink } from './types';

/**
 * The portal's plans across gateways. A portal plan is a usage plan of the home gateway; a usage
 * plan of the same name in another gateway extends it, so the plan spans that Region (or
 * account) too: its API stages join the home plan's, and a customer in the plan gets the same
 * key there. A usage plan elsewhere with no namesake at home, or whose name is used by several
 * home plans, is not offered. Each Region enforces its own throttle and quota, as API Gateway
 * always does; the home plan's are the ones shown. Pure, so it is tested without AWS.
 */
export function portalPlans(records: GatewayPlan[]): GatewayPlan[] {
  const home = records.filter((plan) => plan.gateway === undefined);
  const others = records
    .filter((plan) => plan.gateway !== undefined)
    .sort((a, b) => (a.gateway ?? '').localeCompare(b.gateway ?? '') || a.id.localeCompare(b.id));
  const byName = new Map<string, GatewayPlan[]>();
  for (const plan of home) byName.set(plan.name, [...(byName.get(plan.name) ?? []), plan]);
  const extensions = new Map<string, GatewayPlan[]>();
  for (const other of others) {
    const namesakes = byName.get(other.name) ?? [];
    const [target] = namesakes;
    if (!target || namesakes.length > 1) continue;
    extensions.set(target.id, [...(extensions.get(target.id) ?? []), other]);
  }
  return home.map((plan) => {
    const extra = extensions.get(plan.id);
    if (!extra) return plan;
    return {
      ...plan,
      apiStages: [...plan.apiStages, ...extra.flatMap((other) => other.apiStages)],
      linked: extra.map((other): PlanLink => ({ gateway: other.gateway ?? '', id: other.id })),
    };
  });
}
