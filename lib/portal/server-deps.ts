import 'server-only';
import { apiGatewayClient, dynamoClient } from '../aws';
import { config } from '../config';
import { defaultKeyGraceMs, type PortalDeps } from './deps';

export function portalDeps(): PortalDeps {
  return {
    apiGateway: apiGatewayClient(),
    dynamo: dynamoClient(),
    tableName: config().tableName,
    now: Date.now,
    keyGraceMs: defaultKeyGraceMs,
  };
}
