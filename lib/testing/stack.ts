import { inject } from 'vitest';
import { createCognitoClient, createDynamoDocumentClient } from '../aws/clients';
import { createApiGatewayClient } from '../gateway/client';
import { createGatewayPeers } from '../gateway/peers';
import { loadConfig, type PorticoConfig } from '../config/load';

/** cognito-local's fixed confirmation code and temporary password in tests. */
export const confirmationCode = '424242';

/** The configuration of the integration tests' local stack, as the portal would read it. */
export function stackConfig(): PorticoConfig {
  return loadConfig(inject('stackEnv'));
}

export function stackClients() {
  const config = stackConfig();
  return {
    config,
    apiGateway: createApiGatewayClient(config),
    /** The stack's second emulator, standing for another Region. */
    peers: createGatewayPeers(config),
    cognito: createCognitoClient(config),
    dynamo: createDynamoDocumentClient(config),
  };
}
