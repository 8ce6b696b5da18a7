import type { EmulatorContext } from '../context';
import type { ApiKey, ApiStage, RestApi, UsagePlan } from '../model/types';
import { stageKey } from '../control-plane/lookup';
import type { Touched } from '../store/journal';
import { DeploymentRoutes } from './routing';

/** What a request to one stage needs before its key is looked at. */
export interface StageEntry {
  api: RestApi;
  /** `${apiId}/${stage}`, as the state and the grants key stages. */
  stageKey: string;
  routes: DeploymentRoutes;
}

/** What lets a key call a stage: the plan covering it, and that plan's entry for the stage. */
export interface Grant {
  plan: UsagePlan;
  apiStage: ApiStage;
}

/**
 * Lookups the data plane makes on every request, derived from the state once and then kept up
 * to date by `changed`, which the control plane calls with what each change touched (the list
 * the journal writes), so a change costs what it touches, not what the state holds, and a
 * request costs a few map reads. Maps are nested rather than keyed by joined strings: a string
 * built per request would be hashed per request, the ids stored in records are hashed once.
 */
export class AccessIndex {
  private readonly keysByValue = new Map<string, ApiKey>();
  /** Key id → the value it is filed under in `keysByValue`, to unfile it when it changes. */
  private readonly valueOfKey = new Map<string, string>();
  /** Key id → its plans' ids, in the order they were linked. */
  private readonly plansOfKey = new Map<string, Set<string>>();
  /** Plan id → its keys' ids. */
  private readonly keysOfPlan = new Map<string, Set<string>>();
  /** Key id → stage key → the grant; at most one per stage, by the one-plan-per-stage rule. */
  private readonly grants = new Map<string, Map<string, Grant>>();
  /** Rest API id → stage name → entry; filled as stages are called. */
  private readonly stages = new Map<string, Map<string, StageEntry>>();
  /** Deployments never change once made, so their routes are compiled once. */
  private readonly routesByDeployment = new Map<string, DeploymentRoutes>();

  constructor(private readonly ctx: EmulatorContext) {
    const { state } = ctx;
    for (const key of Object.values(state.apiKeys)) this.fileKey(key.id);
    for (const link of state.usagePlanKeys) this.link(link.usagePlanId, link.keyId);
    for (const keyId of this.plansOfKey.keys()) this.regrant(keyId);
  }

  keyByValue(value: string): ApiKey | undefined {
    return this.keysByValue.get(value);
  }

  /** The grant that lets `keyId` call the stage `stageKey`, if any. */
  grantFor(keyId: string, stageKey: string): Grant | undefined {
    return this.grants.get(keyId)?.get(stageKey);
  }

  stage(restApiId: string, stageName: string): StageEntry | undefined {
    let entry = this.stages.get(restApiId)?.get(stageName);
    if (entry) return entry;
    const { state } = this.ctx;
    const api = state.restApis[restApiId];
    const key = stageKey(restApiId, stageName);
    const stage = state.stages[key];
    const routes = stage && this.routes(stage.deploymentId);
    if (!api || !routes) return undefined;
    entry = { api, stageKey: key, routes };
    let byName = this.stages.get(restApiId);
    if (!byName) this.stages.set(restApiId, (byName = new Map()));
    byName.set(stageName, entry);
    return entry;
  }

  /** Brings the index up to date with one control-plane change, already made to the state. */
  changed(touched: Touched): void {
    if (touched.restApis?.length || touched.stages?.length || touched.deployments?.length) {
      this.stages.clear();
      for (const id of touched.deployments ?? []) this.routesByDeployment.delete(id);
    }
    const regrant = new Set<string>();
    for (const id of touched.apiKeys ?? []) this.fileKey(id);
    for (const { usagePlanId, keyId } of touched.unlinked ?? []) {
      this.plansOfKey.get(keyId)?.delete(usagePlanId);
      this.keysOfPlan.get(usagePlanId)?.delete(keyId);
      regrant.add(keyId);
    }
    for (const { usagePlanId, keyId } of touched.linked ?? []) {
      this.link(usagePlanId, keyId);
      regrant.add(keyId);
    }
    for (const planId of touched.usagePlans ?? []) {
      for (const keyId of this.keysOfPlan.get(planId) ?? []) regrant.add(keyId);
    }
    for (const keyId of regrant) this.regrant(keyId);
  }

  private routes(deploymentId: string): DeploymentRoutes | undefined {
    let routes = this.routesByDeployment.get(deploymentId);
    if (!routes) {
      const deployment = this.ctx.state.deployments[deploymentId];
      if (!deployment) return undefined;
      routes = new DeploymentRoutes(deployment.resources);
      this.routesByDeployment.set(deploymentId, routes);
    }
    return routes;
  }

  /** Files the key under its current value, or forgets it once deleted. */
  private fileKey(id: string): void {
    const previous = this.valueOfKey.get(id);
    if (previous !== undefined && this.keysByValue.get(previous)?.id === id) {
      this.keysByValue.delete(previous);
    }
    const key = Object.hasOwn(this.ctx.state.apiKeys, id) ? this.ctx.state.apiKeys[id] : undefined;
    if (key) {
      this.keysByValue.set(key.value, key);
      this.valueOfKey.set(id, key.value);
    } else {
      this.valueOfKey.delete(id);
    }
  }

  private link(planId: string, keyId: string): void {
    let plans = this.plansOfKey.get(keyId);
    if (!plans) this.plansOfKey.set(keyId, (plans = new Set()));
    plans.add(planId);
    let keys = this.keysOfPlan.get(planId);
    if (!keys) this.keysOfPlan.set(planId, (keys = new Set()));
    keys.add(keyId);
  }

  /** Works out a key's grants again from its plans as they now are. */
  private regrant(keyId: string): void {
    const byStage = new Map<string, Grant>();
    for (const planId of this.plansOfKey.get(keyId) ?? []) {
      const plan = this.ctx.state.usagePlans[planId];
      for (const apiStage of plan?.apiStages ?? []) {
        byStage.set(stageKey(apiStage.apiId, apiStage.stage), { plan: plan!, apiStage });
      }
    }
    if (byStage.size > 0) this.grants.set(keyId, byStage);
    else this.grants.delete(keyId);
  }
}
