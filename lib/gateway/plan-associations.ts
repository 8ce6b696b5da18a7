import {
  CreateUsagePlanKeyCommand,
  DeleteUsagePlanKeyCommand,
  type APIGatewayClient,
} from '@aws-sdk/client-api-gateway';
import type { PlanAssociations } from '../portal/move';

/** Key ↔ plan associations in API Gateway (the SDK retries throttled calls with backoff). */
export function gatewayPlanAssociations(client: APIGatewayClient): PlanAssociations {
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
