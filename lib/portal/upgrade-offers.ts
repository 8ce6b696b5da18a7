import type { AdminDeps } from '../admin/deps';
import { findUserBySub } from '../admin/cognito-users';
import type { Customer } from '../gateway/customer-keys';
import { recordAudit } from '../store/audit';
import { notifyCustomer } from '../store/notifications';
import {
  claimForApproval,
  closeRequest,
  createOffer,
  getRequest,
  releaseClaim,
  type UpgradeRequest,
} from '../store/upgrade-requests';
import { accountState } from './account-state';
import type { AccessDeps, PortalDeps } from './deps';
import { PortalError } from './errors';
import { customerSubscriptions, findPlan, subscribe } from './subscriptions';
import { conflictAsPortalError } from './upgrade-requests';

/*
 * An admin who sees a customer near their quota offers them a plan; the customer accepts or
 * declines on their dashboard. The offer lives in the customer's one open-request slot, so an
 * offer and a request of theirs never wait side by side, and accepting goes through the same
 * claim → subscribe (account re-checked under the customer's lock) → close steps as an
 * approval.
 */

/** "Offer upgrade": an open offer of `planId` to the customer, told by notification and mail. */
export async function offerUpgrade(
  deps: AdminDeps,
  admin: Customer,
  customerSub: string,
  planId: string,
): Promise<UpgradeRequest> {
  const plan = await findPlan(deps, planId);
  const user = await findUserBySub(deps, customerSub);
  if (!user) throw new PortalError('That customer does not exist (any more).', 'not-found');
  const state = await accountState(deps, customerSub);
  if (state !== 'enabled')
    throw new PortalError(
      `${user.email}'s account is ${state}: it cannot take an offer.`,
      'forbidden',
    );
  const { plans } = await customerSubscriptions(deps, customerSub);
  if (plans.some((current) => current.id === plan.id))
    throw new PortalError(`${user.email} is already on ${plan.name}.`, 'already-subscribed');
  const offer = await createOffer(deps, {
    customerSub,
    customerEmail: user.email,
    toPlanId: plan.id,
    toPlanName: plan.name,
    currentPlans: plans.map((current) => current.name).join(', '),
    offeredBy: admin.email,
  }).catch((error: unknown) => {
    throw conflictAsPortalError(error, 'pending-exists');
  });
  await notifyCustomer(deps, customerSub, {
    tone: 'info',
    message: `You are offered the ${plan.name} plan. Accept or decline it under “Upgrade requests” on your dashboard.`,
  });
  await recordAudit(deps, {
    actor: admin,
    customerSub,
    action: 'request.offered',
    details: { requestId: offer.id, planId: plan.id, planName: plan.name, email: user.email },
  });
  return offer;
}

/**
 * The customer takes the offer: claimed (exactly once), their key moved by `subscribe` (which
 * refuses a disabled or deleted account under the customer's lock, like an approval — the one
 * check, since a session outlives a disable by minutes), then closed. If the move fails the
 * offer is open again.
 */
export async function acceptOffer(
  deps: AccessDeps,
  customer: Customer,
  requestId: string,
): Promise<UpgradeRequest> {
  const offer = await requireOffer(deps, customer, requestId);
  await claimForApproval(deps, offer, customer.email, 'offered').catch((error: unknown) => {
    throw conflictAsPortalError(error, 'already-decided');
  });
  try {
    await subscribe(deps, customer, offer.toPlanId, { viaApproval: true });
  } catch (error) {
    await releaseClaim(deps, offer, 'offered');
    throw error;
  }
  try {
    await closeRequest(deps, offer, { status: 'accepted', by: customer.email }, 'approving');
  } catch (error) {
    await releaseClaim(deps, offer, 'offered');
    throw new PortalError(
      `You are on ${offer.toPlanName} now, but the offer could not be closed: accept it again to finish.`,
      'failed',
      { cause: error },
    );
  }
  // The form that was pressed leaves the page with the offer, so the outcome stays here.
  await notifyCustomer(deps, customer.sub, {
    tone: 'success',
    message: `You accepted the offer: your key now uses ${offer.toPlanName}'s limits.`,
  });
  await recordAudit(deps, {
    actor: customer,
    customerSub: customer.sub,
    action: 'request.accepted',
    details: { requestId, planId: offer.toPlanId, planName: offer.toPlanName },
  });
  return offer;
}

/** The customer turns the offer down; their plans stay as they are. */
export async function declineOffer(
  deps: PortalDeps,
  customer: Customer,
  requestId: string,
): Promise<UpgradeRequest> {
  const offer = await requireOffer(deps, customer, requestId);
  await closeRequest(deps, offer, { status: 'declined', by: customer.email }, 'offered').catch(
    (error: unknown) => {
      throw conflictAsPortalError(error, 'already-decided');
    },
  );
  await recordAudit(deps, {
    actor: customer,
    customerSub: customer.sub,
    action: 'request.declined',
    details: { requestId, planId: offer.toPlanId, planName: offer.toPlanName },
  });
  return offer;
}

/** The customer's own offer by id: another customer's id, or a request, finds nothing. */
async function requireOffer(
  deps: PortalDeps,
  customer: Customer,
  requestId: string,
): Promise<UpgradeRequest> {
  const offer = await getRequest(deps, customer.sub, requestId);
  if (!offer?.offeredBy) throw new PortalError('That offer does not exist.', 'not-found');
  if (offer.status !== 'offered')
    throw new PortalError('This offer has already been answered or withdrawn.', 'already-decided');
  return offer;
}
