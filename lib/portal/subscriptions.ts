import {
  activeKey,
  findCustomerKeys,
  keyTagNames,
  plansOfKey,
  type Customer,
} from '../gateway/customer-keys';
import { gatewayPlanAssociations } from '../gateway/plan-associations';
import { planMetadataFromTags } from '../gateway/plan-tags';
import type { GatewayPlan } from '../gateway/types';
import { fetchPlan } from '../gateway/usage-plans';
import { canSee, memberViewer, type AudienceMember } from '../audiences/audience';
import { recordAudit } from '../store/audit';
import { customerKeyRecords } from '../store/read-model-keys';
import { planRecords } from '../store/read-model-plans';
import { withCustomerLock } from '../store/customer-lock';
import { requireEnabledAccount } from './account-state';
import type { AccessDeps, PortalDeps } from './deps';
import { PortalError } from './errors';
import { changePlan, type PlanChangeOutcome } from './plan-change';

export type SubscribeOutcome = PlanChangeOutcome;

/** The usage plan by id, or a PortalError a person can read. */
export async function findPlan(deps: PortalDeps, planId: string): Promise<GatewayPlan> {
  const plan = await fetchPlan(deps.apiGateway, planId);
  if (!plan) throw new PortalError('That plan does not exist (any more).', 'not-found');
  return plan;
}

/**
 * The usage plan by id if the customer's audiences let them see it; a plan they may not see is
 * answered exactly like one that does not exist, so its name does not leak.
 */
export async function findPlanFor(
  deps: PortalDeps,
  customer: AudienceMember,
  planId: string,
): Promise<GatewayPlan> {
  const plan = await findPlan(deps, planId);
  if (!canSee(planMetadataFromTags(plan.tags).audience, memberViewer(customer)))
    throw new PortalError('That plan does not exist (any more).', 'not-found');
  return plan;
}

/**
 * Puts the customer's key into `planId`, creating the key on the first subscription. When one
 * of their plans already covers the same API stage, the key moves (old association out, new
 * in, the old one restored if the second step fails). Serialised per customer, so double
 * clicks, retries and concurrent requests end with one key and one plan per stage.
 * `viaApproval` is set when an admin approves a request for a plan that needs approval. A
 * disabled or deleted account is refused under the lock, whoever asks (the customer with a
 * session not yet expired, an admin moving them, an approval of an older request).
 */
export async function subscribe(
  deps: AccessDeps,
  customer: Customer & AudienceMember,
  planId: string,
  options: { actor?: Customer; viaApproval?: boolean } = {},
): Promise<SubscribeOutcome> {
  const actor = options.actor ?? customer;
  // An admin's approval may grant a plan outside the customer's audiences; they may not.
  const plan = options.viaApproval
    ? await findPlan(deps, planId)
    : await findPlanFor(deps, customer, planId);
  const metadata = planMetadataFromTags(plan.tags);
  if (!options.viaApproval && metadata.visibility !== 'public') {
    throw new PortalError('That plan is not open for subscriptions.', 'not-found');
  }
  if (!options.viaApproval && metadata.approval === 'manual') {
    throw new PortalError(
      `${plan.name} needs an administrator's approval: request an upgrade instead.`,
      'needs-approval',
    );
  }
  return withCustomerLock(deps, customer.sub, async () => {
    await requireEnabledAccount(deps, customer.sub);
    const keys = await findCustomerKeys(deps.apiGateway, customer.sub);
    const key = activeKey(keys);
    // A key an admin disabled (lib/admin) must not be replaced by a fresh one by subscribing
    // again, nor by an approval: it has to be re-enabled first.
    const blockedReason = keys
      .map((candidate) => candidate.tags[keyTagNames.disabledReason])
      .find(Boolean);
    if (!key && blockedReason) {
      throw new PortalError(
        `This account's API key was disabled by an administrator: ${blockedReason}`,
        'forbidden',
      );
    }
    return changePlan(deps, customer, plan, key, actor);
  });
}

/** Takes the customer's key out of one plan. Unknown or foreign plans change nothing. */
export async function unsubscribe(
  deps: PortalDeps,
  customer: Customer,
  planId: string,
  actor: Customer = customer,
): Promise<void> {
  await withCustomerLock(deps, customer.sub, async () => {
    const key = activeKey(await findCustomerKeys(deps.apiGateway, customer.sub));
    const plans = key ? await plansOfKey(deps.apiGateway, key.id) : [];
    const plan = plans.find((candidate) => candidate.id === planId);
    if (!key || !plan) throw new PortalError('You are not subscribed to that plan.', 'not-found');
    await gatewayPlanAssociations(deps).remove(planId, key.id);
    await recordAudit(deps, {
      actor,
      customerSub: customer.sub,
      action: 'subscription.removed',
      details: { planId, planName: plan.name, keyId: key.id },
    });
  });
}

export interface CustomerSubscriptions {
  key?: { id: string; createdAt?: number; enabled: boolean };
  plans: GatewayPlan[];
  /** Why an administrator disabled the customer's key, when that is why they have none. */
  disabledReason?: string;
}

/**
 * The customer's active key (without its value) and the plans it is in, from the read model:
 * what pages show. Nothing here grants access; `subscribe` re-checks API Gateway.
 */
export async function customerSubscriptions(
  deps: PortalDeps,
  sub: string,
): Promise<CustomerSubscriptions> {
  const [keys, plans] = await Promise.all([customerKeyRecords(deps, sub), planRecords(deps)]);
  const key = activeKey(keys);
  if (!key) {
    const disabledReason = keys
      .map((candidate) => candidate.tags[keyTagNames.disabledReason])
      .find(Boolean);
    return { plans: [], ...(disabledReason ? { disabledReason } : {}) };
  }
  const planIds = new Set(key.planIds);
  return {
    key: { id: key.id, createdAt: key.createdAt, enabled: key.enabled },
    plans: plans.filter((plan) => planIds.has(plan.id)),
  };
}
