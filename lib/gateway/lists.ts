import 'server-only';
import { apiGatewayClient } from '../aws';
import { gatewayCache, gatewayCacheTtlMs } from './cache';
import { fetchRestApis } from './rest-apis';
import type { GatewayClient } from './client';
import type { GatewayPlan, GatewayRestApi } from './types';
import { fetchPlans } from './usage-plans';

/**
 * The account-wide lists every public page is derived from, each fetched once per cache period
 * (one call per 500 items) and shared by the catalog, docs, plans and usage pages.
 */
export function listUsagePlans(client: GatewayClient = apiGatewayClient()): Promise<GatewayPlan[]> {
  return gatewayCache.get('list:usage-plans', gatewayCacheTtlMs(), () => fetchPlans(client));
}

export function listRestApis(): Promise<GatewayRestApi[]> {
  return gatewayCache.get('list:rest-apis', gatewayCacheTtlMs(), () =>
    fetchRestApis(apiGatewayClient()),
  );
}
