import 'server-only';
import { apiGatewayClient, cognitoClient, dynamoClient } from '../aws';
import { config } from '../config';
import { gatewayPeers } from '../gateway/server-peers';
import { defaultKeyGraceMs, type AccessDeps } from './deps';

export function portalDeps(): AccessDeps {
  return {
    apiGateway: apiGatewayClient(),
    peers: gatewayPeers(),
    dynamo: dynamoClient(),
    cognito: cognitoClient(),
    userPoolId: config().cognito.userPoolId,
    tableName: config().tableName,
    now: Date.now,
    keyGraceMs: defaultKeyGraceMs,
  };
}
