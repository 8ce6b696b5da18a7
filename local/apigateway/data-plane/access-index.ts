import type { EmulatorContext } from '../context';
import type { ApiKey, UsagePlan } from '../model/types';
import { stageKey } from '../control-plane/lookup';
import { DeploymentRoutes } from './routing';

/**
 * Lookups the data plane makes on every request, derived from the state and rebuilt only when
 * the control plane changes something (`ctx.version`), so a request costs a few map reads.
 * Maps are nested rather than keyed by joined strings: a string built per request would be
 * hashed per request, the ids stored in records are hashed once.
 */
export class AccessIndex {
  private version = -1;
  private keysByValue = new Map<string, ApiKey>();
  /** Key id → `${apiId}/${stage}` → the plan that lets the key call that stage. */
  private planByKeyAndStage = new Map<string, Map<string, UsagePlan>>();
  private routesByDeployment = new Map<string, DeploymentRoutes>();

  constructor(private readonly ctx: EmulatorContext) {}

  keyByValue(value: string): ApiKey | undefined {
    this.refresh();
    return this.keysByValue.get(value);
  }

  /**
   * The plan that lets `keyId` call the stage `stageKey` (`${apiId}/${stage}`, as the state
   * keys stages); at most one, by the one-plan-per-stage rule.
   */
  planFor(keyId: string, stageKey: string): UsagePlan | undefined {
    this.refresh();
    return this.planByKeyAndStage.get(keyId)?.get(stageKey);
  }

  routes(deploymentId: string): DeploymentRoutes | undefined {
    let routes = this.routesByDeployment.get(deploymentId);
    if (!routes) {
      const deployment = this.ctx.state.deployments[deploymentId];
      if (!deployment) return undefined;
      routes = new DeploymentRoutes(deployment.resources);
      this.routesByDeployment.set(deploymentId, routes);
    }
    return routes;
  }

  private refresh(): void {
    if (this.version === this.ctx.version) return;
    const { state } = this.ctx;
    this.keysByValue = new Map(Object.values(state.apiKeys).map((key) => [key.value, key]));
    this.planByKeyAndStage = new Map();
    for (const { usagePlanId, keyId } of state.usagePlanKeys) {
      const plan = state.usagePlans[usagePlanId];
      if (!plan) continue;
      let byStage = this.planByKeyAndStage.get(keyId);
      if (!byStage) this.planByKeyAndStage.set(keyId, (byStage = new Map()));
      for (const apiStage of plan.apiStages) {
        byStage.set(stageKey(apiStage.apiId, apiStage.stage), plan);
      }
    }
    this.version = this.ctx.version;
  }
}
