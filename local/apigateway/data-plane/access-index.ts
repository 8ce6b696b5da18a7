import type { EmulatorContext } from '../context';
import type { ApiKey, UsagePlan } from '../model/types';
import { DeploymentRoutes } from './routing';

/**
 * Lookups the data plane makes on every request, derived from the state and rebuilt only when
 * the control plane changes something (`ctx.version`), so a request costs a few map reads.
 */
export class AccessIndex {
  private version = -1;
  private keysByValue = new Map<string, ApiKey>();
  private planByKeyAndStage = new Map<string, UsagePlan>();
  private routesByDeployment = new Map<string, DeploymentRoutes>();

  constructor(private readonly ctx: EmulatorContext) {}

  keyByValue(value: string): ApiKey | undefined {
    this.refresh();
    return this.keysByValue.get(value);
  }

  /** The plan that lets `keyId` call this stage (at most one, by the one-plan-per-stage rule). */
  planFor(keyId: string, apiId: string, stage: string): UsagePlan | undefined {
    this.refresh();
    return this.planByKeyAndStage.get(`${keyId}\n${apiId}\n${stage}`);
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
      for (const apiStage of plan?.apiStages ?? []) {
        this.planByKeyAndStage.set(`${keyId}\n${apiStage.apiId}\n${apiStage.stage}`, plan!);
      }
    }
    this.version = this.ctx.version;
  }
}
