import { CreateUsagePlanKeyCommand, DeleteUsagePlanKeyCommand } from '@aws-sdk/client-api-gateway';
import type { PlanAssociations } from '../portal/move';
import type { GatewayClient } from './client';

/** Key ↔ plan associations in API Gateway (throttled calls are retried with backoff). */
export function gatewayPlanAssociations(client: GatewayClient): PlanAssociations {
  return {
    async add(planId, keyId) {
      await client.send(
        new CreateUsagePlanKeyCommand({ usagePlanId: planId, keyId, keyType: 'API_KEY' }),
      );
    },
    async remove(planId, keyId) {
      await client.send(new DeleteUsagePlanKeyCommand({ usagePlanId: planId, keyId }));
    },
  };
}
