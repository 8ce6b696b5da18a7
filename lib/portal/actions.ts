'use server';

import 'server-only';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireAdmin, requireUser } from '../auth/session';
import { actionError, type ActionResult } from './action-result';
import { revealKey, rotateKey } from './keys';
import { portalDeps } from './server-deps';
import { subscribe, unsubscribe } from './subscriptions';
import { approveRequest, cancelRequest, rejectRequest, requestUpgrade } from './upgrade-requests';

/*
 * Every action reads the caller from the session (never from the form) and validates the form
 * with zod, so a forged plan or request id can only ever act on the caller's own account.
 */
const planInput = z.object({ planId: z.string().regex(/^[a-z0-9]{1,32}$/i) });
const requestInput = z.object({ requestId: z.uuid() });
const decisionInput = requestInput.extend({ customerSub: z.string().min(1).max(128) });
const rejectionInput = decisionInput.extend({
  reason: z.string().trim().min(3, 'Give the customer a reason (at least 3 characters).').max(500),
});

const invalid = (error: z.ZodError): ActionResult => ({
  status: 'error',
  message: error.issues[0]?.message ?? 'That request was not valid.',
});
const fields = (form: FormData) => Object.fromEntries(form.entries());

function refreshCustomerPages() {
  revalidatePath('/dashboard');
  revalidatePath('/plans');
}

export async function subscribeAction(_state: ActionResult, form: FormData): Promise<ActionResult> {
  const user = await requireUser('/plans');
  const input = planInput.safeParse(fields(form));
  if (!input.success) return invalid(input.error);
  try {
    const outcome = await subscribe(portalDeps(), user, input.data.planId);
    refreshCustomerPages();
    const messages = {
      subscribed: 'Subscribed. Your API key is on your dashboard.',
      moved: 'Your plan was changed. Your key stays the same.',
      unchanged: 'You are already on this plan.',
    };
    return { status: 'success', message: messages[outcome] };
  } catch (error) {
    return actionError(error);
  }
}

export async function unsubscribeAction(
  _state: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  const user = await requireUser('/dashboard');
  const input = planInput.safeParse(fields(form));
  if (!input.success) return invalid(input.error);
  try {
    await unsubscribe(portalDeps(), user, input.data.planId);
    refreshCustomerPages();
    return { status: 'success', message: 'Unsubscribed. Calls under this plan now get 403.' };
  } catch (error) {
    return actionError(error);
  }
}

export async function requestUpgradeAction(
  _state: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  const user = await requireUser('/plans');
  const input = planInput.safeParse(fields(form));
  if (!input.success) return invalid(input.error);
  try {
    const request = await requestUpgrade(portalDeps(), user, input.data.planId);
    refreshCustomerPages();
    revalidatePath('/admin/requests');
    return {
      status: 'success',
      message: `Requested ${request.toPlanName}. An administrator will decide soon; you will see the outcome on your dashboard.`,
    };
  } catch (error) {
    return actionError(error);
  }
}

export async function cancelRequestAction(
  _state: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  const user = await requireUser('/dashboard');
  const input = requestInput.safeParse(fields(form));
  if (!input.success) return invalid(input.error);
  try {
    await cancelRequest(portalDeps(), user, input.data.requestId);
    refreshCustomerPages();
    revalidatePath('/admin/requests');
    return { status: 'success', message: 'Your request was withdrawn.' };
  } catch (error) {
    return actionError(error);
  }
}

export async function revealKeyAction(): Promise<ActionResult> {
  const user = await requireUser('/dashboard');
  try {
    const value = await revealKey(portalDeps(), user);
    return { status: 'success', message: 'Your key is shown below.', secret: value };
  } catch (error) {
    return actionError(error);
  }
}

export async function rotateKeyAction(): Promise<ActionResult> {
  const user = await requireUser('/dashboard');
  try {
    const deps = portalDeps();
    const { value, oldKeyWorksUntil } = await rotateKey(deps, user);
    revalidatePath('/dashboard');
    const until = new Date(oldKeyWorksUntil).toISOString().replace('T', ' ').slice(0, 16);
    return {
      status: 'success',
      message: `Your new key is below and is shown only now. The old key works until ${until} UTC.`,
      secret: value,
    };
  } catch (error) {
    return actionError(error);
  }
}

export async function approveRequestAction(
  _state: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  const admin = await requireAdmin('/admin/requests');
  const input = decisionInput.safeParse(fields(form));
  if (!input.success) return invalid(input.error);
  try {
    await approveRequest(portalDeps(), admin, input.data.customerSub, input.data.requestId);
    revalidatePath('/admin/requests');
    return { status: 'success', message: 'Approved: the customer is on the new plan.' };
  } catch (error) {
    return actionError(error);
  }
}

export async function rejectRequestAction(
  _state: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  const admin = await requireAdmin('/admin/requests');
  const input = rejectionInput.safeParse(fields(form));
  if (!input.success) return invalid(input.error);
  try {
    await rejectRequest(
      portalDeps(),
      admin,
      input.data.customerSub,
      input.data.requestId,
      input.data.reason,
    );
    revalidatePath('/admin/requests');
    return { status: 'success', message: 'Rejected: the customer has been told why.' };
  } catch (error) {
    return actionError(error);
  }
}
