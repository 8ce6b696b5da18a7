import { createDynamoDocumentClient } from '../aws/clients';
import { sharedVariables } from '../config/variables';
import { createApiGatewayClient } from './client';
import type { GatewayDeps } from './deps';
import { syncReadModel } from './sync';
import { sweepUsage } from './usage-sweep';

/**
 * The scheduled job (EventBridge, every 15 minutes by default in AWS): repairs the read model
 * from API Gateway, then snapshots yesterday's and today's usage. It needs only the Region,
 * the table and optionally the call budget, so it does not load the portal's whole
 * configuration (no NextAuth secret, no Cognito).
 */
function depsFromEnvironment(): GatewayDeps {
  const region = process.env.AWS_REGION;
  const tableName = process.env.PORTICO_TABLE_NAME;
  if (!region || !tableName) throw new Error('AWS_REGION and PORTICO_TABLE_NAME must be set');
  const callsPerSecond = sharedVariables.shape.PORTICO_GATEWAY_RPS.parse(
    process.env.PORTICO_GATEWAY_RPS || undefined,
  );
  return {
    apiGateway: createApiGatewayClient({ region, gatewayCallsPerSecond: callsPerSecond }),
    dynamo: createDynamoDocumentClient({ region }),
    tableName,
    now: Date.now,
  };
}

let deps: GatewayDeps | undefined;

export async function handler(): Promise<{ changes: number; calls: number; snapshots: number }> {
  deps ??= depsFromEnvironment();
  const run = await syncReadModel(deps, 'schedule');
  const sweep = await sweepUsage(deps);
  const result = { changes: run.changeCount, calls: run.calls, snapshots: sweep.written };
  console.log(JSON.stringify({ task: 'read-model-sync', ...result }));
  return result;
}
