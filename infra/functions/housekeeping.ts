import { createDynamoDocumentClient } from '../../lib/aws/clients';
import { createApiGatewayClient } from '../../lib/gateway/client';
import { defaultKeyGraceMs, type PortalDeps } from '../../lib/portal/deps';
import { sweepRotatedKeys } from './sweep-rotated-keys';

/**
 * The scheduled housekeeping Lambda. It needs neither the NextAuth secret nor the Cognito
 * settings, so it builds the portal's clients from the two values it uses instead of going
 * through the portal's full configuration.
 */
function depsFromEnvironment(): PortalDeps {
  const region = process.env.AWS_REGION;
  const tableName = process.env.PORTICO_TABLE_NAME;
  if (!region || !tableName) throw new Error('AWS_REGION and PORTICO_TABLE_NAME must be set');
  return {
    apiGateway: createApiGatewayClient({ region }),
    dynamo: createDynamoDocumentClient({ region }),
    tableName,
    now: Date.now,
    keyGraceMs: defaultKeyGraceMs,
  };
}

let deps: PortalDeps | undefined;

/** What an EventBridge schedule rule delivers (the fields the sweep logs). */
export interface ScheduledEvent {
  'detail-type': string;
  time: string;
  resources: string[];
}

export async function handler(
  event: ScheduledEvent,
): Promise<{ customers: number; disabled: number }> {
  deps ??= depsFromEnvironment();
  const result = await sweepRotatedKeys(deps);
  console.log(JSON.stringify({ task: 'retire-rotated-keys', scheduledAt: event.time, ...result }));
  return result;
}
