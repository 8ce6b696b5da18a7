import type { ApiKey, RestApi, UsagePlan } from '@aws-sdk/client-api-gateway';
import type { z } from 'zod';
import { gatewayKeySchema, gatewayPlanSchema, gatewayRestApiSchema } from './types';

/*
 * The SDK marks every field optional; API Gateway always sends ids. An item without one
 * cannot be acted on, so it is dropped here rather than asserted on everywhere else.
 */

type Named = { id?: string; name?: string; description?: string };

/**
 * A reshape for one kind of resource: the id, name (the id when unnamed) and description every
 * resource has, plus the kind's own `fields`, checked by its schema.
 */
function reshaper<Raw extends Named, Shaped>(
  schema: z.ZodType<Shaped>,
  fields: (raw: Raw) => Record<string, unknown>,
): (raw: Raw) => Shaped | undefined {
  return (raw) =>
    raw.id
      ? schema.parse({
          id: raw.id,
          name: raw.name ?? raw.id,
          description: raw.description || undefined,
          ...fields(raw),
        })
      : undefined;
}

export const reshapeKey = reshaper(gatewayKeySchema, (raw: ApiKey) => ({
  customerId: raw.customerId || undefined,
  enabled: raw.enabled ?? false,
  createdAt: raw.createdDate?.getTime(),
  tags: raw.tags ?? {},
}));

export const reshapePlan = reshaper(gatewayPlanSchema, (raw: UsagePlan) => ({
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
}));

export const reshapeRestApi = reshaper(gatewayRestApiSchema, (raw: RestApi) => ({
  version: raw.version || undefined,
  apiKeySource:
    raw.apiKeySource === 'AUTHORIZER' || raw.apiKeySource === 'HEADER'
      ? raw.apiKeySource
      : undefined,
}));

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
