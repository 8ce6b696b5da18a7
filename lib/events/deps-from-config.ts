import type { PorticoConfig } from '../config/load';
import { createCognitoClient, createDynamoDocumentClient, createSesClient } from '../aws/clients';
import { createApiGatewayClient } from '../gateway/client';
import { createGatewayPeers } from '../gateway/peers';
import type { EventDeps } from './deps';

/** The worker's dependencies from a configuration (the local stack's interval uses this). */
export function eventDepsFromConfig(config: PorticoConfig): EventDeps {
  return {
    dynamo: createDynamoDocumentClient(config),
    apiGateway: createApiGatewayClient(config),
    // The usage sweep reads plans that span other gateways there too.
    peers: createGatewayPeers(config),
    tableName: config.tableName,
    now: Date.now,
    cognito: createCognitoClient(config),
    userPoolId: config.cognito.userPoolId,
    adminGroup: config.adminGroup,
    ses: createSesClient(config),
    mail: { ...config.mail, portalUrl: config.auth.url },
    secret: config.auth.secret,
    webhookPolicy: config.webhooks,
  };
}
