import 'server-only';
import {
  GetRestApisCommand,
  GetUsagePlansCommand,
  type RestApi,
  type UsagePlan,
} from '@aws-sdk/client-api-gateway';
import { apiGatewayClient } from '../aws';
import { gatewayCache, gatewayCacheTtlMs } from './cache';
import { allPages } from './pagination';

/**
 * The account-wide lists every public page is derived from, each fetched once per cache period
 * (one call per 500 items) and shared by the catalog, docs and plans pages.
 */
export function listUsagePlans(): Promise<UsagePlan[]> {
  return gatewayCache.get('list:usage-plans', gatewayCacheTtlMs(), () =>
    allPages((position) =>
      apiGatewayClient().send(new GetUsagePlansCommand({ limit: 500, position })),
    ),
  );
}

export function listRestApis(): Promise<RestApi[]> {
  return gatewayCache.get('list:rest-apis', gatewayCacheTtlMs(), () =>
    allPages((position) =>
      apiGatewayClient().send(new GetRestApisCommand({ limit: 500, position })),
    ),
  );
}
