import 'server-only';
import type { CatalogApi } from '../gateway/catalog-model';
import { activeKey, findCustomerKeys, keyValue, plansOfKey } from '../gateway/customer-keys';
import { withSpannedStages } from '../gateway/spanned-stages';
import { TtlCache } from '../gateway/ttl-cache';
import type { GatewayPlan } from '../gateway/types';
import type { PortalDeps } from '../portal/deps';
import type { ExplainedPlan } from './explanation';

export interface SubscriberKey {
  value: string;
  plan: ExplainedPlan;
}

/**
 * A minute is short enough that a new subscription or tier move shows up soon and long enough
 * that 5 calls a second cost the control plane three reads a minute, not fifteen a second.
 * The value stays in this server's memory; a 403 with it drops the entry at once.
 */
const ttlMs = 60_000;
const cache = new TtlCache();
const cacheKey = (sub: string, api: CatalogApi) => `${sub}:${api.restApiId}:${api.stage}`;

const covers = (plan: GatewayPlan, api: CatalogApi) =>
  plan.apiStages.some((stage) => stage.apiId === api.restApiId && stage.stage === api.stage);

/**
 * The signed-in customer's active key and the plan through which it reaches this API, or
 * undefined when they have no key in a plan covering it. Used on the server only: the value is
 * added to the upstream request and never returned to the browser, so reading it is not a
 * reveal and is not audited as one.
 */
export function subscriberKey(
  deps: PortalDeps,
  sub: string,
  api: CatalogApi,
): Promise<SubscriberKey | undefined> {
  return cache.get(cacheKey(sub, api), ttlMs, async () => {
    const key = activeKey(await findCustomerKeys(deps.apiGateway, sub));
    if (!key) return undefined;
    // A plan spanning other Regions reaches their stages with the same key value.
    const plans = await withSpannedStages(deps, await plansOfKey(deps.apiGateway, key.id));
    const plan = plans.find((each) => covers(each, api));
    if (!plan) return undefined;
    return {
      value: await keyValue(deps.apiGateway, key.id),
      plan: {
        name: plan.name,
        throttle: { rateLimit: plan.throttle?.rateLimit, burstLimit: plan.throttle?.burstLimit },
        quota: plan.quota,
      },
    };
  });
}

/** After API Gateway refused the cached key: look again next time. */
export function forgetSubscriberKey(sub: string, api: CatalogApi): void {
  cache.invalidate(cacheKey(sub, api));
}
