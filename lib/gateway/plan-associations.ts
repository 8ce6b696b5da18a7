import {
  CreateUsagePlanKeyCommand,
  DeleteUsagePlanKeyCommand,
  GetUsagePlanKeyCommand,
} from '@aws-sdk/client-api-gateway';
import type { PlanAssociations } from '../portal/move';
import type { GatewayClient } from './client';
import { isNotFound, orUndefinedIfMissing } from './errors';

const isConflict = (error: unknown) =>
  (error as { name?: string } | null)?.name === 'ConflictException';

/**
 * Key ↔ plan associations in API Gateway. Both steps aim at a state, so they may be repeated
 * (the SDK retries throttling and 5xx with backoff): adding an association that is already
 * there, or removing one that is already gone, after a lost answer, is success.
 */
export function gatewayPlanAssociations(client: GatewayClient): PlanAssociations {
  return {
    async add(planId, keyId) {
      try {
        await client.send(
          new CreateUsagePlanKeyCommand({ usagePlanId: planId, keyId, keyType: 'API_KEY' }),
        );
      } catch (error) {
        // Another plan of the same stage is a real conflict; our own association is not.
        if (!isConflict(error)) throw error;
        const existing = await orUndefinedIfMissing(
          client.send(new GetUsagePlanKeyCommand({ usagePlanId: planId, keyId })),
        );
        if (!existing) throw error;
      }
    },
    async remove(planId, keyId) {
      try {
        await client.send(new DeleteUsagePlanKeyCommand({ usagePlanId: planId, keyId }));
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
  };
}
