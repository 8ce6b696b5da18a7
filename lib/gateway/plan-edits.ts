import { TagResourceCommand, UpdateUsagePlanCommand } from '@aws-sdk/client-api-gateway';
import type { RecordDeps } from '../store/read-model-keys';
import { planRecords, putPlanRecord } from '../store/read-model-plans';
import type { GatewayDeps } from './deps';
import { peerOf, type PeerDeps } from './peers';
import { settingsOf, settingsPatch } from './plan-settings';
import { reshapePlan } from './reshape';
import type { GatewayPlan, PatchOperation, PlanLink } from './types';
import { fetchPlan } from './usage-plans';

/**
 * The usage plans in other gateways that extend a home plan (./plan-links), from the read model:
 * no API Gateway call. Empty without other gateways.
 */
export async function planLinks(deps: RecordDeps & PeerDeps, planId: string): Promise<PlanLink[]> {
  if (!deps.peers?.length) return [];
  return (await planRecords(deps)).find((plan) => plan.id === planId)?.linked ?? [];
}

/**
 * Edits a plan in every gateway it spans. Home first (limits by patch, portal metadata by
 * tags), recorded as API Gateway then has it (one GetUsagePlan after the change); then each
 * namesake is brought in line with it under its own gateway's call budget. The namesakes are
 * found before the edit, since a rename unlinks them in the read model until they follow.
 * A namesake that fails does not stop the others: it is answered among `unaligned`, for the
 * caller to leave to a repair (alignLinkedPlanWithHome).
 */
export async function updatePlan(
  deps: GatewayDeps,
  planId: string,
  change: { patchOperations: PatchOperation[]; tags: Record<string, string> },
): Promise<{ unaligned: { link: PlanLink; error: unknown }[] }> {
  const links = await planLinks(deps, planId);
  if (change.patchOperations.length > 0) {
    await deps.apiGateway.send(
      new UpdateUsagePlanCommand({ usagePlanId: planId, patchOperations: change.patchOperations }),
    );
  }
  const resourceArn = `arn:aws:apigateway:${await deps.apiGateway.config.region()}::/usageplans/${planId}`;
  await deps.apiGateway.send(new TagResourceCommand({ resourceArn, tags: change.tags }));
  const plan = await fetchPlan(deps.apiGateway, planId);
  if (!plan) return { unaligned: [] };
  await putPlanRecord(deps, plan);
  const unaligned = [];
  for (const link of links) {
    try {
      await alignLinkedPlan(deps, plan, link);
    } catch (error) {
      unaligned.push({ link, error });
    }
  }
  return { unaligned };
}

/**
 * Brings a home plan's namesake in another gateway in line with it (name, description, limits)
 * and records it: one GetUsagePlan, and one UpdateUsagePlan when something differs (its answer
 * is the plan as recorded). The namesake's tags are left alone: the portal's metadata is read
 * from the home plan. A namesake gone meanwhile is done.
 */
async function alignLinkedPlan(deps: GatewayDeps, home: GatewayPlan, link: PlanLink) {
  const { client } = peerOf(deps, link.gateway);
  const namesake = await fetchPlan(client, link.id);
  if (!namesake) return;
  const patchOperations = settingsPatch(namesake, settingsOf(home));
  if (patchOperations.length === 0) return;
  const updated = reshapePlan(
    await client.send(new UpdateUsagePlanCommand({ usagePlanId: link.id, patchOperations })),
  );
  if (updated) await putPlanRecord(deps, { ...updated, gateway: link.gateway });
}

/**
 * What a recorded repair does after a failed alignment: the home plan as it is now (a later
 * edit wins) carried to the namesake. A home plan gone meanwhile leaves nothing to align.
 */
export async function alignLinkedPlanWithHome(
  deps: GatewayDeps,
  planId: string,
  link: PlanLink,
): Promise<void> {
  const home = await fetchPlan(deps.apiGateway, planId);
  if (home) await alignLinkedPlan(deps, home, link);
}
