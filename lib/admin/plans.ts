import type { Customer } from '../gateway/customer-keys';
import {
  createPlan as createUsagePlan,
  deletePlan as deleteUsagePlan,
  fetchPlan,
  fetchPlans,
  planKeyIds,
} from '../gateway/usage-plans';
import { updatePlan as updateUsagePlan } from '../gateway/plan-edits';
import { allKeyRecords } from '../store/read-model-keys';
import { deletePlanRecord, planRecords, restApiRecords } from '../store/read-model-plans';
import { planMetadataFromTags, planMetadataToTags, type PlanMetadata } from '../gateway/plan-tags';
import { PortalError } from '../portal/errors';
import { findPlan } from '../portal/subscriptions';
import { customerAudit, recordAudit } from '../store/audit';
import { recordRepair } from '../store/repairs';
import type { AdminDeps } from './deps';
import type { PlanForm } from '../validation/plan-form';
import { formSettings, planPatch } from './plan-patch';

export interface AdminPlan {
  id: string;
  name: string;
  description: string;
  throttle?: { rateLimit?: number; burstLimit?: number };
  quota?: { limit?: number; period?: string };
  metadata: PlanMetadata;
  /** The API stages it covers, named after their REST API. */
  apis: { stage: string; label: string }[];
  subscribers: number;
}

/** Plans change a subject that is no customer: the audit trail files them under the plan. */
export const planSubject = (planId: string) => `plan:${planId}`;

/** Every usage plan with its limits, APIs and number of keys, from the read model. */
export async function listAdminPlans(deps: AdminDeps): Promise<AdminPlan[]> {
  const [plans, apis, keys] = await Promise.all([
    planRecords(deps),
    restApiRecords(deps),
    allKeyRecords(deps),
  ]);
  const apiNames = new Map(apis.map((api) => [api.id, api.name]));
  const counts = plans.map((plan) => keys.filter((key) => key.planIds.includes(plan.id)).length);
  return plans
    .map((plan, index) => ({
      id: plan.id,
      name: plan.name,
      description: plan.description ?? '',
      throttle: plan.throttle,
      quota: plan.quota,
      metadata: planMetadataFromTags(plan.tags),
      apis: plan.apiStages.map((stage) => ({
        stage: `${stage.apiId}:${stage.stage}`,
        label: `${apiNames.get(stage.apiId) ?? stage.apiId} (${stage.stage})`,
      })),
      subscribers: counts[index] ?? 0,
    }))
    .sort((a, b) => a.metadata.order - b.metadata.order || a.name.localeCompare(b.name));
}

/** Deleting checks API Gateway itself: a stale record must not let a plan with keys go. */
async function subscriberCount(deps: AdminDeps, planId: string): Promise<number> {
  return (await planKeyIds(deps.apiGateway, planId)).length;
}

const metadataOf = (form: PlanForm): PlanMetadata => ({
  order: form.order,
  visibility: form.visibility,
  approval: form.approval,
  audience: form.audience,
});

/**
 * Saves a plan form in every gateway the plan spans (lib/gateway/plan-edits). A gateway that
 * did not take the change leaves a repair that housekeeping finishes (lib/portal/repairs);
 * the answer names those gateways, so the admin hears the change is still on its way there.
 */
export async function updatePlan(
  deps: AdminDeps,
  admin: Customer,
  planId: string,
  form: PlanForm,
): Promise<{ pendingGateways: string[] }> {
  const current = await findPlan(deps, planId);
  const patchOperations = planPatch(current, form);
  const { unaligned } = await updateUsagePlan(deps, planId, {
    patchOperations,
    tags: planMetadataToTags(metadataOf(form)),
  });
  for (const { link, error } of unaligned) {
    console.error(`[plan edit] ${link.gateway} did not take the edit of ${planId}`, error);
    await recordRepair(deps, {
      kind: 'align-linked-plan',
      planId,
      gateway: link.gateway,
      linkedPlanId: link.id,
      customerSub: planSubject(planId),
      reason: 'plan edited',
    });
  }
  const pendingGateways = unaligned.map(({ link }) => link.gateway);
  await recordAudit(deps, {
    actor: admin,
    customerSub: planSubject(planId),
    action: 'plan.updated',
    details: {
      planName: form.name,
      changes: patchOperations.map((op) => `${op.op} ${op.path}`).join(', ') || 'metadata only',
      ...planMetadataToTags(metadataOf(form)),
      ...(pendingGateways.length > 0 ? { pendingIn: pendingGateways.join(', ') } : {}),
    },
  });
  return { pendingGateways };
}

/** A new plan for a published API stage: one an existing plan already covers. */
export async function createPlan(
  deps: AdminDeps,
  admin: Customer,
  form: PlanForm,
  apiStage: string,
): Promise<string> {
  const plans = await fetchPlans(deps.apiGateway);
  const [apiId, stage] = apiStage.split(':');
  const published = plans.some((plan) =>
    plan.apiStages.some((covered) => covered.apiId === apiId && covered.stage === stage),
  );
  if (!apiId || !stage || !published) {
    throw new PortalError('Choose one of the published APIs.', 'not-found');
  }
  const created = await createUsagePlan(deps, {
    ...formSettings(form),
    apiStages: [{ apiId, stage }],
    tags: planMetadataToTags(metadataOf(form)),
  });
  await recordAudit(deps, {
    actor: admin,
    customerSub: planSubject(created.id),
    action: 'plan.created',
    details: { planId: created.id, planName: form.name, apiStage },
  });
  return created.id;
}

/**
 * Deletes a plan nobody is subscribed to; otherwise says how many would lose access. A deleted
 * plan cannot come back under its id, so the steps go in an order that deleting again finishes
 * after any failure: DeleteUsagePlan, the audit entry (written once), then the read model's
 * record, which keeps the plan listed (and deletable) until the end. The sync removes a
 * record left behind as well.
 */
export async function deletePlan(deps: AdminDeps, admin: Customer, planId: string): Promise<void> {
  const plan = await fetchPlan(deps.apiGateway, planId);
  const name = plan?.name ?? (await planRecords(deps)).find((record) => record.id === planId)?.name;
  if (!name) throw new PortalError('That plan does not exist (any more).', 'not-found');
  if (plan) {
    const subscribers = await subscriberCount(deps, planId);
    if (subscribers > 0) {
      throw new PortalError(
        `${name} still has ${subscribers} subscriber${subscribers === 1 ? '' : 's'}: move them to another plan first.`,
        'forbidden',
      );
    }
    try {
      await deleteUsagePlan(deps, planId);
    } catch (error) {
      console.error('[plan delete] DeleteUsagePlan failed', error);
      throw new PortalError(
        `Deleting ${name} failed and nothing changed. Please try again.`,
        'failed',
      );
    }
  }
  try {
    if (plan || !(await deletionAudited(deps, planId))) {
      await recordAudit(deps, {
        actor: admin,
        customerSub: planSubject(planId),
        action: 'plan.deleted',
        details: { planId, planName: name },
      });
    }
    await deletePlanRecord(deps, planId);
  } catch (error) {
    console.error('[plan delete] recording the deletion failed', error);
    throw new PortalError(
      `${name} was deleted in API Gateway, but the portal could not finish recording it. Delete it again to finish.`,
      'failed',
    );
  }
}

const deletionAudited = async (deps: AdminDeps, planId: string) =>
  (await customerAudit(deps, planSubject(planId))).some((entry) => entry.action === 'plan.deleted');
