import type { AudienceMember } from '../audiences/audience';
import type { Customer } from '../gateway/customer-keys';
import { planMetadataFromTags } from '../gateway/plan-tags';
import { recordAudit } from '../store/audit';
import { notifyCustomer } from '../store/notifications';
import {
  claimForApproval,
  closeRequest,
  createRequest,
  customerRequests,
  getRequest,
  releaseClaim,
  RequestConflictError,
  type UpgradeRequest,
} from '../store/upgrade-requests';
import { accountState, requireEnabledAccount } from './account-state';
import type { AccessDeps, PortalDeps } from './deps';
import { PortalError } from './errors';
import { customerSubscriptions, findPlanFor, subscribe } from './subscriptions';

/** "Request upgrade": a pending request for a plan that needs an admin's approval. */
export async function requestUpgrade(
  deps: AccessDeps,
  customer: Customer & AudienceMember,
  planId: string,
): Promise<UpgradeRequest> {
  const plan = await findPlanFor(deps, customer, planId);
  const metadata = planMetadataFromTags(plan.tags);
  if (metadata.visibility !== 'public') {
    throw new PortalError('That plan is not open for subscriptions.', 'not-found');
  }
  if (metadata.approval !== 'manual') {
    throw new PortalError(`${plan.name} needs no approval: subscribe to it directly.`, 'forbidden');
  }
  await requireEnabledAccount(deps, customer.sub);
  const { plans } = await customerSubscriptions(deps, customer.sub);
  if (plans.some((current) => current.id === plan.id)) {
    throw new PortalError(`You are already on ${plan.name}.`, 'already-subscribed');
  }
  try {
    const request = await createRequest(deps, {
      customerSub: customer.sub,
      customerEmail: customer.email,
      toPlanId: plan.id,
      toPlanName: plan.name,
      currentPlans: plans.map((current) => current.name).join(', '),
    });
    await recordAudit(deps, {
      actor: customer,
      customerSub: customer.sub,
      action: 'request.created',
      details: { requestId: request.id, planName: request.toPlanName },
    });
    return request;
  } catch (error) {
    throw conflictAsPortalError(error, 'pending-exists');
  }
}

/** The customer withdraws their own pending request (only their own can be found). */
export async function cancelRequest(
  deps: PortalDeps,
  customer: Customer,
  requestId: string,
): Promise<void> {
  const request = await getRequest(deps, customer.sub, requestId);
  if (!request) throw new PortalError('That request does not exist.', 'not-found');
  try {
    await closeRequest(deps, request, { status: 'cancelled', by: customer.email }, 'pending');
  } catch (error) {
    throw conflictAsPortalError(error, 'already-decided');
  }
  await recordAudit(deps, {
    actor: customer,
    customerSub: customer.sub,
    action: 'request.cancelled',
    details: { requestId, planName: request.toPlanName },
  });
}

/**
 * An admin approves: claim the request (exactly one admin wins), move the customer's key,
 * then close it. If the move fails the claim is released, so the request can be retried. The
 * request of a disabled or deleted account is refused (and `subscribe` checks again under the
 * customer's lock, in case the account is closed meanwhile).
 */
export async function approveRequest(
  deps: AccessDeps,
  admin: Customer,
  customerSub: string,
  requestId: string,
): Promise<void> {
  const request = await requireRequest(deps, customerSub, requestId);
  const state = await accountState(deps, request.customerSub);
  if (state !== 'enabled') {
    throw new PortalError(
      `${request.customerEmail}'s account is ${state}: approving would give it a working key. Reject the request${state === 'disabled' ? ', or enable the account first' : ''}.`,
      'forbidden',
    );
  }
  try {
    await claimForApproval(deps, request, admin.email);
  } catch (error) {
    throw conflictAsPortalError(error, 'already-decided');
  }
  const customer = { sub: request.customerSub, email: request.customerEmail };
  try {
    await subscribe(deps, customer, request.toPlanId, { actor: admin, viaApproval: true });
  } catch (error) {
    await releaseClaim(deps, request);
    throw error;
  }
  try {
    await closeRequest(deps, request, { status: 'approved', by: admin.email }, 'approving');
  } catch (error) {
    // The key already moved; an open request lets the next approval finish (the move then
    // changes nothing), where a request stuck in `approving` could never be decided.
    await releaseClaim(deps, request);
    throw new PortalError(
      `${request.customerEmail} is now on ${request.toPlanName}, but the request could not be closed: approve it again to finish.`,
      'failed',
      { cause: error },
    );
  }
  await notifyCustomer(deps, customer.sub, {
    tone: 'success',
    message: `Your upgrade to ${request.toPlanName} was approved. Your key now uses ${request.toPlanName}'s limits.`,
  });
  await recordAudit(deps, {
    actor: admin,
    customerSub: customer.sub,
    action: 'request.approved',
    details: { requestId, planName: request.toPlanName },
  });
}

export async function rejectRequest(
  deps: PortalDeps,
  admin: Customer,
  customerSub: string,
  requestId: string,
  reason: string,
): Promise<void> {
  const request = await requireRequest(deps, customerSub, requestId);
  try {
    await closeRequest(deps, request, { status: 'rejected', by: admin.email, reason }, 'pending');
  } catch (error) {
    throw conflictAsPortalError(error, 'already-decided');
  }
  await notifyCustomer(deps, customerSub, {
    tone: 'warning',
    message: `Your upgrade to ${request.toPlanName} was not approved: ${reason}`,
  });
  await recordAudit(deps, {
    actor: admin,
    customerSub,
    action: 'request.rejected',
    details: { requestId, planName: request.toPlanName, reason },
  });
}

/**
 * Withdraws the customer's open request or offer, if any, when their account is disabled or
 * closes, so no one is left to approve a plan for an account that may not hold a key.
 */
export async function withdrawOpenRequest(
  deps: PortalDeps,
  customer: Customer,
  by: Customer = customer,
  reason = 'account closed',
): Promise<void> {
  const open = (await customerRequests(deps, customer.sub)).find(
    (request) => request.status === 'pending' || request.status === 'offered',
  );
  if (!open || (open.status !== 'pending' && open.status !== 'offered')) return;
  try {
    await closeRequest(deps, open, { status: 'cancelled', by: by.email, reason }, open.status);
  } catch (error) {
    // Decided by an admin a moment ago: nothing left to withdraw.
    if (!(error instanceof RequestConflictError)) throw error;
    return;
  }
  await recordAudit(deps, {
    actor: by,
    customerSub: customer.sub,
    action: 'request.cancelled',
    details: { requestId: open.id, planName: open.toPlanName, reason },
  });
}

async function requireRequest(
  deps: PortalDeps,
  customerSub: string,
  requestId: string,
): Promise<UpgradeRequest> {
  const request = await getRequest(deps, customerSub, requestId);
  if (!request) throw new PortalError('That request does not exist.', 'not-found');
  return request;
}

/** A lost conditional write, as the refusal a person reads. */
export function conflictAsPortalError(error: unknown, code: 'pending-exists' | 'already-decided') {
  return error instanceof RequestConflictError ? new PortalError(error.message, code) : error;
}
