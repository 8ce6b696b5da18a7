import type { ApiKey, RestApi, UsagePlan } from '@aws-sdk/client-api-gateway';
import {
  gatewayKeySchema,
  gatewayPlanSchema,
  gatewayRestApiSchema,
  type GatewayKey,
  type GatewayPlan,
  type GatewayRestApi,
} from './types';

/*
 * The SDK marks every field optional; API Gateway always sends ids. An item without one
 * cannot be acted on, so it is dropped here rather than asserted on everywhere else.
 */

export function reshapeKey(raw: ApiKey): GatewayKey | undefined {
  if (!raw.id) return undefined;
  return gatewayKeySchema.parse({
    id: raw.id,
    name: raw.name ?? raw.id,
    description: raw.description || undefined,
    customerId: raw.customerId || undefined,
    enabled: raw.enabled ?? false,
    createdAt: raw.createdDate?.getTime(),
    tags: raw.tags ?? {},
  });
}

export function reshapePlan(raw: UsagePlan): GatewayPlan | undefined {
  if (!raw.id) return undefined;
  return gatewayPlanSchema.parse({
    id: raw.id,
    name: raw.name ?? raw.id,
    description: raw.description || undefined,
    apiStages: (raw.apiStages ?? []).flatMap((stage) =>
      stage.apiId && stage.stage ? [{ apiId: stage.apiId, stage: stage.stage }] : [],
    ),
    throttle: raw.throttle && {
      rateLimit: raw.throttle.rateLimit,
      burstLimit: raw.throttle.burstLimit,
    },
    quota: raw.quota && {
      limit: raw.quota.limit,
      period: raw.quota.period,
      offset: raw.quota.offset,
    },
    tags: raw.tags ?? {},
  });
}

export function reshapeRestApi(raw: RestApi): GatewayRestApi | undefined {
  if (!raw.id) return undefined;
  return gatewayRestApiSchema.parse({
    id: raw.id,
    name: raw.name ?? raw.id,
    description: raw.description || undefined,
    version: raw.version || undefined,
    apiKeySource:
      raw.apiKeySource === 'AUTHORIZER' || raw.apiKeySource === 'HEADER'
        ? raw.apiKeySource
        : undefined,
  });
}

/** Reshapes a list, leaving out items without an id. */
export function reshapeAll<Raw, Shaped>(
  items: Raw[],
  reshape: (raw: Raw) => Shaped | undefined,
): Shaped[] {
  return items.flatMap((item) => {
    const shaped = reshape(item);
    return shaped === undefined ? [] : [shaped];
  });
}
