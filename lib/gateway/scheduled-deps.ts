import { createDynamoDocumentClient } from '../aws/clients';
import { sharedVariables } from '../config/variables';
import type { RecordDeps } from '../store/read-model-keys';
import { createApiGatewayClient } from './client';
import type { GatewayDeps } from './deps';

type Environment = Record<string, string | undefined>;

/**
 * What the scheduled functions that touch only the table (the quota sweep) build from their
 * environment: the Region Lambda sets and the table. They skip the portal's whole
 * configuration, so they need neither the NextAuth secret nor Cognito; the SDK's own endpoint
 * variables (`AWS_ENDPOINT_URL_DYNAMODB`, `AWS_ENDPOINT_URL_API_GATEWAY`) are what points them
 * elsewhere.
 */
export function tableDepsFromEnvironment(env: Environment = process.env): RecordDeps {
  const { region, tableName } = required(env);
  return { dynamo: createDynamoDocumentClient({ region }), tableName, now: Date.now };
}

/** The same plus API Gateway under the call budget (housekeeping, the sync and usage sweep). */
export function gatewayDepsFromEnvironment(env: Environment = process.env): GatewayDeps {
  const gatewayCallsPerSecond = sharedVariables.shape.PORTICO_GATEWAY_RPS.parse(
    env.PORTICO_GATEWAY_RPS || undefined,
  );
  const { region } = required(env);
  return {
    ...tableDepsFromEnvironment(env),
    apiGateway: createApiGatewayClient({ region, gatewayCallsPerSecond }),
  };
}

function required(env: Environment): { region: string; tableName: string } {
  const region = env.AWS_REGION;
  const tableName = env.PORTICO_TABLE_NAME;
  if (!region || !tableName) throw new Error('AWS_REGION and PORTICO_TABLE_NAME must be set');
  return { region, tableName };
}
