import 'server-only';
import { dynamoClient } from '../aws';
import { config } from '../config';
import { planRecords, restApiRecords } from '../store/read-model-plans';
import { gatewayCache, gatewayCacheTtlMs } from './cache';
import type { GatewayPlan, GatewayRestApi } from './types';

const recordDeps = () => ({ dynamo: dynamoClient(), tableName: config().tableName, now: Date.now });

/**
 * The account-wide lists every public page is derived from, read from the portal's read model
 * (one DynamoDB Query each, never API Gateway) and cached per process for the cache period;
 * portal writes and syncs drop the cache (`forgetGatewayLists`).
 */
export function listUsagePlans(): Promise<GatewayPlan[]> {
  return gatewayCache.get('list:usage-plans', gatewayCacheTtlMs(), () => planRecords(recordDeps()));
}

export function listRestApis(): Promise<GatewayRestApi[]> {
  return gatewayCache.get('list:rest-apis', gatewayCacheTtlMs(), () =>
    restApiRecords(recordDeps()),
  );
}

export function forgetGatewayLists(): void {
  gatewayCache.invalidate('list:');
}
