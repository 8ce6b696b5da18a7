import type { CognitoDeps } from '../admin/cognito-users';
import { createCognitoClient, createDynamoDocumentClient } from '../aws/clients';
import { gatewaysVariable } from '../config/gateways';
import { sharedVariables } from '../config/variables';
import type { RecordDeps } from '../store/read-model-keys';
import { createApiGatewayClient } from './client';
import type { GatewayDeps } from './deps';
import { createGatewayPeers } from './peers';

type Environment = Record<string, string | undefined>;

/**
 * What the scheduled functions build from their environment: the Region Lambda sets, the
 * table, and as each needs them API Gateway (under the call budget) and the user pool. They
 * skip the portal's whole configuration, so they need neither the NextAuth secret nor the app
 * client; the SDK's own endpoint variables (`AWS_ENDPOINT_URL_DYNAMODB`, `…_API_GATEWAY`,
 * `…_COGNITO_IDENTITY_PROVIDER`) are what points them elsewhere.
 */
function tableDepsFromEnvironment(env: Environment = process.env): RecordDeps {
  const region = required(env, 'AWS_REGION');
  const tableName = required(env, 'PORTICO_TABLE_NAME');
  return { dynamo: createDynamoDocumentClient({ region }), tableName, now: Date.now };
}

/**
 * The table and API Gateway (housekeeping, the sync and usage sweep), with the other gateways
 * PORTICO_GATEWAYS names: the sync pages them, and retiring a key retires its copies there.
 */
export function gatewayDepsFromEnvironment(env: Environment = process.env): GatewayDeps {
  const region = required(env, 'AWS_REGION');
  const gatewayCallsPerSecond = sharedVariables.shape.PORTICO_GATEWAY_RPS.parse(
    env.PORTICO_GATEWAY_RPS || undefined,
  );
  // Local mode (the local stack's tests of these functions) names its second emulator's endpoint.
  const mode = env.PORTICO_MODE === 'local' ? 'local' : 'aws';
  const gateways = gatewaysVariable({ region }, mode).parse(env.PORTICO_GATEWAYS || undefined);
  return {
    ...tableDepsFromEnvironment(env),
    apiGateway: createApiGatewayClient({ region, gatewayCallsPerSecond }),
    peers: createGatewayPeers({ gateways, gatewayCallsPerSecond }),
  };
}

/** The table, API Gateway and the user pool (the sync's customer directory, key reminders). */
export function poolDepsFromEnvironment(env: Environment = process.env): GatewayDeps & CognitoDeps {
  return {
    ...gatewayDepsFromEnvironment(env),
    cognito: createCognitoClient({ region: required(env, 'AWS_REGION') }),
    userPoolId: required(env, 'COGNITO_USER_POOL_ID'),
    adminGroup: sharedVariables.shape.PORTICO_ADMIN_GROUP.parse(
      env.PORTICO_ADMIN_GROUP || undefined,
    ),
  };
}

function required(env: Environment, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}
