import {
  CreateUsagePlanKeyCommand,
  DeleteUsagePlanKeyCommand,
  GetUsagePlanKeyCommand,
} from '@aws-sdk/client-api-gateway';
import type { PlanAssociations } from '../portal/move';
import { updateKeyRecord } from '../store/read-model-keys';
import type { GatewayDeps } from './deps';
import { isNotFound, orUndefinedIfMissing } from './errors';

const isConflict = (error: unknown) =>
  (error as { name?: string } | null)?.name === 'ConflictException';

/**
 * Key ↔ plan associations in API Gateway, each recorded on the key's record once API Gateway
 * has it. Both steps aim at a state, so they may be repeated (the SDK retries throttling and
 * 5xx with backoff): adding an association that is already there, or removing one that is
 * already gone, after a lost answer, is success.
 */
export function gatewayPlanAssociations(deps: GatewayDeps): PlanAssociations {
  const client = deps.apiGateway;
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
      await updateKeyRecord(deps, keyId, { planAdded: planId });
    },
    async remove(planId, keyId) {
      try {
        await client.send(new DeleteUsagePlanKeyCommand({ usagePlanId: planId, keyId }));
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      await updateKeyRecord(deps, keyId, { planRemoved: planId });
    },
  };
}
